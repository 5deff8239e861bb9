// Types of dist-current.mjs (plain JavaScript: it runs before any TypeScript loader), for the tests that import it.
export declare const ROOT: string;
export declare const TEST_TREES: string[];
export declare const TEST_OUTPUT: string[];
export declare function layout(root?: string): { src: string; dist: string; stamp: string; tests: string; testStamp: string };
export declare function sourceFiles(root?: string): string[];
export declare function testFiles(root?: string): string[];
export declare function distIsCurrent(root?: string): boolean;
export declare function testBuildIsCurrent(root?: string): boolean;
