// Types of dist-current.mjs (plain JavaScript: it runs before any TypeScript loader), for the tests that import it.
export declare const ROOT: string;
export declare function layout(root?: string): { src: string; dist: string; stamp: string };
export declare function sourceFiles(root?: string): string[];
export declare function distIsCurrent(root?: string): boolean;
