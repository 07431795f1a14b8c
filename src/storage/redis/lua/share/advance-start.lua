--[[ The log's start offset moved past the share-partition's (retention): records below ARGV[1] are forgotten,
  in-flight ones dropped (advance_start in lib.lua). Output: 1 when the start moved, else 0. ]]
return advance_start(tonumber(ARGV[1]))
