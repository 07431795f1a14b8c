import { startRedis } from '../helpers/redis-server.js';
import { describeMultiServer } from './multi-server.suite.js';

describeMultiServer('one redis-server', () => startRedis());
