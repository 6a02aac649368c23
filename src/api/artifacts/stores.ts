// The artifact stores a server has: libSQL always; S3 when RUNCAMP_S3 configures a bucket; R2
// when the Worker has the ARTIFACTS binding. New uploads go to one of them (RUNCAMP_ARTIFACTS,
// by default the object store when there is one); every artifact is read from the store its
// row names, so artifacts written before a switch, or not yet moved (scripts/artifacts-move.ts),
// stay readable.
import type { Client } from "@libsql/client";
import type { ArtifactStoreName, Config } from "../../config.ts";
import type { WriteLock } from "../../http/write-lock.ts";
import { LibsqlArtifactStore } from "./libsql-store.ts";
import { ObjectArtifactStore } from "./object-store.ts";
import { R2Bucket, type R2BucketBinding } from "./r2-bucket.ts";
import { S3Bucket } from "./s3-bucket.ts";
import type { ArtifactStore, Sha256Factory } from "./store.ts";

export interface ArtifactStores {
  /** Where new uploads go. */
  uploads: ArtifactStore;
  /** Every store this server can read, by the name artifact rows give. */
  byName: Partial<Record<ArtifactStoreName, ArtifactStore>>;
  objectStores: ObjectArtifactStore[];
}

export function artifactStores(client: Client, lock: WriteLock, config: Config, sha256?: Sha256Factory, r2?: R2BucketBinding): ArtifactStores {
  const byName: ArtifactStores["byName"] = { libsql: new LibsqlArtifactStore(client, lock, sha256) };
  const s3 = config.artifacts?.s3;
  if (s3) byName.s3 = new ObjectArtifactStore("s3", new S3Bucket(s3), s3.prefix, sha256);
  if (r2) byName.r2 = new ObjectArtifactStore("r2", new R2Bucket(r2), "", sha256);
  const wanted = config.artifacts?.uploadsTo ?? (byName.s3 ? "s3" : byName.r2 ? "r2" : "libsql");
  const uploads = byName[wanted];
  if (!uploads)
    throw new Error(
      `RUNCAMP_ARTIFACTS=${wanted}, but this host has no ${wanted} store (${wanted === "r2" ? "the ARTIFACTS R2 binding" : "RUNCAMP_S3"} is missing)`,
    );
  const objectStores = Object.values(byName).filter((s): s is ObjectArtifactStore => s instanceof ObjectArtifactStore);
  return { uploads, byName, objectStores };
}

/** The store an artifact row names; a server without it cannot serve the artifact (a configuration error). */
export function storeNamed(stores: ArtifactStores, name: string): ArtifactStore {
  const store = stores.byName[name as ArtifactStoreName];
  if (!store) throw new Error(`an artifact's bytes are in the ${name} store, which this server is not configured for (docs/operations.md, artifact stores)`);
  return store;
}
