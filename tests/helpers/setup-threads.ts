import { join } from 'node:path';
import { packageRoot } from '../../src/main/util/paths';
import { setBuiltThreadDir } from '../../src/main/threads/script';

// Job and backend threads start from the build that global-setup.ts keeps fresh, as in the app.
setBuiltThreadDir(join(packageRoot(), 'out', 'main'));
