/** One package on its way: to whom, which package, and the token (a compact JWS, or a JWE for files). */
export interface Delivered {
  readonly recipientAgencyId: string;
  readonly packageId: string;
  readonly token: string;
}

/**
 * How a package reaches the recipient. File delivery (a JWE the case worker downloads and the other
 * agency uploads) is built in: {@link fileDelivery}. Delivery through the sync server's inbox, when
 * both agencies use one server, plugs in here as another implementation (the server owns its inbox
 * endpoint; see docs/handover-package.md "Delivery").
 */
export interface HandoverDelivery {
  deliver(delivered: Delivered): Promise<void>;
}

/** A delivered file: its suggested name, media type and text. */
export interface HandoverFile {
  readonly name: string;
  /** `application/jose` (RFC 7515/7516 compact serialisation). */
  readonly type: string;
  readonly text: string;
}

/** The file a package is delivered as (`uebergabe-<packageId>.fkhandover`). */
export function handoverFile(packageId: string, token: string): HandoverFile {
  return { name: `uebergabe-${packageId}.fkhandover`, type: 'application/jose', text: token };
}

/** A file delivery that collects the files (a host offers each for download). */
export function fileDelivery(): HandoverDelivery & { readonly files: HandoverFile[] } {
  const files: HandoverFile[] = [];
  return {
    files,
    async deliver({ packageId, token }) {
      files.push(handoverFile(packageId, token));
    },
  };
}
