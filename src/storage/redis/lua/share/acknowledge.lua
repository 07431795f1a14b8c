--[[ Applies acknowledgement ranges of one member, each atomically and independently; overdue locks are given
  back first. A range applies only when every record of it is ACQUIRED by the member (under the token, if given).
  ARGV[1] member, ARGV[2..7] config, ARGV[8] channel, ARGV[9] group, ARGV[10] number of ranges, then per range
  (first, last, type ACCEPT|RELEASE|REJECT|RENEW, release delay ms, reason, lease token or -1)
  Output: { results, lazily archived } where results holds per range { error code ('' = none), message,
  lock deadline (RENEW), archived } ]]
local member = ARGV[1]
local c = config(2)
local now = now_ms()
local lazily = {}
local gave_back = expire_locks(now, c, lazily) > 0
local quoted = cjson.encode(member)
local NAMES = { V = 'AVAILABLE', A = 'ACKNOWLEDGED', X = 'ARCHIVED' }

-- The runs of [first, last] after splitting at both ends: parallel lists of first offsets and fields.
local function runs_of(first, last)
  split(first)
  split(last + 1)
  local firsts = redis.call('ZRANGEBYSCORE', K_RUNS, first, last)
  local runs = {}
  for i = 1, #firsts, 500 do
    local values = redis.call('HMGET', K_REC, unpack(firsts, i, math.min(#firsts, i + 499)))
    for j, v in ipairs(values) do runs[i + j - 1] = cmsgpack.unpack(v) end
  end
  for i, k in ipairs(firsts) do firsts[i] = tonumber(k) end
  return firsts, runs
end

-- Nil when the member holds every record of [first, last] (the runs `firsts`/`runs` cover [first, e)), else
-- { code, message } naming the lowest offset that is not held.
local function refusal(first, last, token, firsts, runs, s, e)
  if first < s then
    return { 'INVALID_RECORD_STATE', string.format('offset %d is below the start offset %d: it is finished or was removed', first, s) }
  end
  local next = first
  local stop = math.min(last, e - 1)
  for i, o in ipairs(firsts) do
    if o > next then break end
    local r = runs[i]
    if r[ST] ~= 'Q' then
      return { 'INVALID_RECORD_STATE', string.format('offset %d is %s, not acquired by member %s', o, NAMES[r[ST]], quoted) }
    end
    if r[MEM] ~= member then
      return { 'INVALID_RECORD_STATE',
        string.format('offset %d is acquired by member %s, not %s', o, cjson.encode(r[MEM]), quoted) }
    end
    if token >= 0 and r[TOK] ~= token then
      return { 'STALE_LEASE_TOKEN', string.format('offset %d is held under lease token %d, not %d', o, r[TOK], token) }
    end
    next = r[LAST] + 1
  end
  if next <= stop then
    -- A gap: records accepted earlier (their runs are gone).
    return { 'INVALID_RECORD_STATE', string.format('offset %d is ACKNOWLEDGED, not acquired by member %s', next, quoted) }
  end
  if last >= e then
    return { 'INVALID_RECORD_STATE', string.format('offset %d has not been acquired (end offset %d)', math.max(first, e), e) }
  end
  return nil
end

local results = {}
local base = 11
for i = 1, tonumber(ARGV[10]) do
  local first = tonumber(ARGV[base])
  local last = tonumber(ARGV[base + 1])
  local kind = ARGV[base + 2]
  local delay = tonumber(ARGV[base + 3])
  local reason = ARGV[base + 4]
  local token = tonumber(ARGV[base + 5])
  base = base + 6
  local s = meta_num('s')
  local e = meta_num('e')
  local firsts, runs = {}, {}
  if first >= s and first < e then firsts, runs = runs_of(first, math.min(last, e - 1)) end
  local refused = refusal(first, last, token, firsts, runs, s, e)
  if refused then
    table.insert(results, { refused[1], refused[2], 0, {} })
  else
    local archived = {}
    local deadline = 0
    if kind == 'RENEW' then deadline = now + c.lock end
    for j, o in ipairs(firsts) do
      local r = runs[j]
      if kind == 'RENEW' then
        r[DL] = deadline
        put(o, r)
        redis.call('ZADD', K_LOCK, deadline, o)
      elseif kind == 'ACCEPT' then
        unhold(o, r)
        redis.call('ZREM', K_UNF, o)
        finish_attempt(r, 'ACCEPTED', '', now)
        finish(r, 'A')
        -- Written even when the start is about to pass it (advance deletes it then): a later range of this
        -- call must see it ACKNOWLEDGED.
        put(o, r)
      elseif kind == 'REJECT' then
        unhold(o, r)
        finish_attempt(r, 'REJECTED', reason, now)
        local last_reason = reason
        if last_reason == '' then last_reason = r[FR] end
        archive(o, r, 'REJECTED', last_reason, member, archived)
        gave_back = true
      else
        local wait = delay
        if wait <= 0 then wait = backoff(c, r[CNT]) end
        give_back(o, r, 'RELEASED', reason, wait, now, c, archived)
        gave_back = true
      end
    end
    table.insert(results, { '', '', deadline, flat_archived(archived) })
  end
end

flush_counters()
advance()
if gave_back then announce(ARGV[8], ARGV[9]) end
return { results, flat_archived(lazily) }
