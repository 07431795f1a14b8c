/** Generic tools (grpcurl, grpc_health_probe) rely on the health service and on server reflection. */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { createRequire } from 'node:module';
import path from 'node:path';
import { service as healthService } from 'grpc-health-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const require = createRequire(import.meta.url);

describe('health and reflection', () => {
  it('answers grpc.health.v1 Check with SERVING for the server and each service', async () => {
    const Health = grpc.makeGenericClientConstructor(healthService as never, 'Health');
    const client = new Health(t.server.address, grpc.credentials.createInsecure()) as grpc.Client & Record<string, Function>;
    for (const service of ['', 'sharelog.v1.ProducerService', 'sharelog.v1.ShareConsumerService']) {
      const res = await new Promise<{ status: string }>((resolve, reject) =>
        client.check({ service }, (err: Error | null, r: { status: string }) => (err ? reject(err) : resolve(r))),
      );
      expect(res.status).toBe('SERVING');
    }
    client.close();
  });

  it('lists every service and serves their descriptors through reflection', async () => {
    const reflectionProto = path.join(path.dirname(require.resolve('@grpc/reflection')), '../proto/grpc/reflection/v1/reflection.proto');
    const definition = protoLoader.loadSync(reflectionProto, { keepCase: true, longs: String, defaults: true, oneofs: true });
    const loaded = grpc.loadPackageDefinition(definition) as any;
    const client = new loaded.grpc.reflection.v1.ServerReflection(t.server.address, grpc.credentials.createInsecure());
    const ask = (request: object) =>
      new Promise<any>((resolve, reject) => {
        const call = client.ServerReflectionInfo();
        call.on('data', (d: unknown) => {
          resolve(d);
          call.end();
        });
        call.on('error', reject);
        call.write(request);
      });
    const listed = await ask({ list_services: '' });
    const names = listed.list_services_response.service.map((s: { name: string }) => s.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'sharelog.v1.ProducerService',
        'sharelog.v1.ConsumerService',
        'sharelog.v1.ShareConsumerService',
        'sharelog.v1.AdminService',
        'grpc.health.v1.Health',
      ]),
    );
    const file = await ask({ file_containing_symbol: 'sharelog.v1.ProducerService' });
    expect(file.file_descriptor_response.file_descriptor_proto.length).toBeGreaterThan(0);
    client.close();
  });
});
