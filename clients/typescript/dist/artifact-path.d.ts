export type ArtifactContext = Record<string, string | number | boolean>;
/** The stored path of `name` logged at `step` in `context`. */
export declare function stepArtifactPath(name: string, step: number, context?: ArtifactContext): string;
/** The query string (with its "?", or empty) recording an upload's step and context. */
export declare function artifactQuery(step: number | undefined, context: ArtifactContext | undefined): string;
