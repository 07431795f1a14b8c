/**
 * The tokens file (authTokensFile): {"tokens": {"<token>": "<principal>"}}. Tokens are kept by their SHA-256 so a
 * lookup compares digests, not the secrets themselves.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

export class TokenTable {
  private constructor(private readonly byDigest: Map<string, string>) {}

  static load(file: string): TokenTable {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`tokens file ${file}: ${(err as Error).message}`);
    }
    const tokens = (json as { tokens?: unknown } | null)?.tokens;
    if (typeof tokens !== 'object' || tokens === null || Array.isArray(tokens)) {
      throw new Error(`tokens file ${file}: expected {"tokens": {"<token>": "<principal>"}}`);
    }
    const byDigest = new Map<string, string>();
    for (const [token, principal] of Object.entries(tokens)) {
      if (token.length < 16) throw new Error(`tokens file ${file}: token of principal ${JSON.stringify(principal)} is shorter than 16 characters`);
      if (typeof principal !== 'string' || principal === '') throw new Error(`tokens file ${file}: every token needs a principal name`);
      byDigest.set(digest(token), principal);
    }
    return new TokenTable(byDigest);
  }

  principalOf(token: string): string | undefined {
    return this.byDigest.get(digest(token));
  }
}

function digest(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
