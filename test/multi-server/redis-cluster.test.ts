import { startRedisCluster } from '../helpers/redis-server.js';
import { describeMultiServer } from './multi-server.suite.js';

describeMultiServer('a 3-master Redis Cluster', () => startRedisCluster());
