import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks these; react-router needs them at import time.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// findBy*/waitFor default to 1 s, too short while the API suites load both cores in a full `npm test`.
configure({ asyncUtilTimeout: 5000 });
