import { createHash } from 'node:crypto';

/**
 * The directory name of a group: its id in base64url (any id, safe on every file system), or a hash of it when
 * that would pass the 255-byte limit of a file name (group ids may have 249 characters). The id itself is kept
 * inside the directory, so the name never has to be decoded.
 */
export function groupDirName(groupId: string): string {
  const encoded = Buffer.from(groupId).toString('base64url');
  return encoded.length <= 200 ? encoded : `h-${createHash('sha256').update(groupId).digest('hex')}`;
}
