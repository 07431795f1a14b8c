// cluster-key-slot (the CRC16 key-slot function ioredis uses) ships no types.
declare module 'cluster-key-slot' {
  export default function calculateSlot(key: string | Buffer): number;
}
