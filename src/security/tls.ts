/**
 * Server TLS from PEM files, reloadable without dropping the server: a grpc-js CertificateProvider (the
 * experimental API behind createCertificateProviderServerCredentials) that reads the files when asked. A reload
 * first builds a secure context from the new files; if that fails, the error is reported and the old
 * certificates stay in use (grpc-js would otherwise refuse every new connection).
 */
import * as grpc from '@grpc/grpc-js';
import fs from 'node:fs';
import tls from 'node:tls';

type CaListener = grpc.experimental.CaCertificateUpdateListener;
type IdentityListener = grpc.experimental.IdentityCertificateUpdateListener;

export interface TlsFiles {
  tlsCert: string;
  tlsKey: string;
  tlsClientCa: string;
}

interface Material {
  cert: Buffer;
  key: Buffer;
  ca: Buffer | undefined;
}

export class ReloadableTls implements grpc.experimental.CertificateProvider {
  private material: Material;
  private readonly caListeners = new Set<CaListener>();
  private readonly identityListeners = new Set<IdentityListener>();
  readonly credentials: grpc.ServerCredentials;

  constructor(private readonly files: TlsFiles) {
    this.material = ReloadableTls.read(files);
    const mutual = files.tlsClientCa !== '';
    // grpc-js passes its first argument on as the identity provider and its second as the CA provider (the
    // declaration names them the other way round); this object is both, so the order cannot go wrong.
    this.credentials = grpc.experimental.createCertificateProviderServerCredentials(this, mutual ? this : null, mutual);
  }

  /** Reads and checks the files: the certificate, its key and the CA must make a valid secure context. */
  static read(files: TlsFiles): Material {
    const readFile = (setting: string, file: string) => {
      try {
        return fs.readFileSync(file);
      } catch (err) {
        throw new Error(`${setting} ${file}: ${(err as Error).message}`);
      }
    };
    const material: Material = {
      cert: readFile('tlsCert', files.tlsCert),
      key: readFile('tlsKey', files.tlsKey),
      ca: files.tlsClientCa ? readFile('tlsClientCa', files.tlsClientCa) : undefined,
    };
    try {
      tls.createSecureContext({ cert: material.cert, key: material.key, ca: material.ca });
    } catch (err) {
      throw new Error(`TLS files ${files.tlsCert} / ${files.tlsKey}${files.tlsClientCa ? ` / ${files.tlsClientCa}` : ''}: ${(err as Error).message}`);
    }
    return material;
  }

  /** Loads the files again and hands them to the server; throws, keeping the old ones, when they are broken. */
  reload(): void {
    this.material = ReloadableTls.read(this.files);
    for (const listener of this.caListeners) listener(this.caUpdate());
    for (const listener of this.identityListeners) listener(this.identityUpdate());
  }

  private caUpdate(): grpc.experimental.CaCertificateUpdate | null {
    return this.material.ca ? { caCertificate: this.material.ca } : null;
  }

  private identityUpdate(): grpc.experimental.IdentityCertificateUpdate {
    return { certificate: this.material.cert, privateKey: this.material.key };
  }

  // The first update goes out on a microtask: grpc-js subscribes before it registers the watcher that applies
  // updates to the listening socket, so a synchronous first update would be lost.
  addCaCertificateListener(listener: CaListener): void {
    this.caListeners.add(listener);
    queueMicrotask(() => {
      if (this.caListeners.has(listener)) listener(this.caUpdate());
    });
  }

  removeCaCertificateListener(listener: CaListener): void {
    this.caListeners.delete(listener);
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.add(listener);
    queueMicrotask(() => {
      if (this.identityListeners.has(listener)) listener(this.identityUpdate());
    });
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.identityListeners.delete(listener);
  }
}
