--[[ Records of [first, last] (ARGV 1 and 2) clamped to [start, log end) (ARGV 3), at most ARGV 4 of them.
  Output: rows of { offset, state, count, member, deadline, token, due, failure member, failure reason,
  failed at, failure outcome, attempts }; state 'U' = at or above the end offset, never handed out. ]]
local now = now_ms()
local s = meta_num('s')
local e = meta_num('e')
local lo = math.max(tonumber(ARGV[1]), s)
local hi = math.min(tonumber(ARGV[2]), tonumber(ARGV[3]) - 1, lo + tonumber(ARGV[4]) - 1)
local out = {}
local _, r = nil, nil
for o = lo, hi do
  local row
  if o >= e then
    row = { o, 'U', 0, '', 0, 0, 0, '', '', 0, '', {} }
  else
    if r == nil or o > r[LAST] then _, r = run_at(o) end
    if r == nil then
      -- In no run: accepted, and its run already gone.
      row = { o, 'A', 0, '', 0, 0, 0, '', '', 0, '', {} }
    else
      local due = r[DUE]
      if due <= now then due = 0 end
      row = { o, r[ST], r[CNT], r[MEM], r[DL], r[TOK], due, r[FM], r[FR], r[FA], r[FO], r[ATT] or {} }
    end
  end
  table.insert(out, row)
end
return out
