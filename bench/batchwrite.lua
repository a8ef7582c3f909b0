-- wrk script: unsigned DynamoDB BatchWriteItem requests of 25 new items each (same shape as the
-- seeded items) into BENCH_LIMIT_TABLE.
local tbl = os.getenv("BENCH_LIMIT_TABLE") or "bench-limit"
local pad = string.rep("x", 120)
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local n = 0
function request()
  local items = {}
  for i = 1, 25 do
    n = n + 1
    items[i] = string.format(
      '{"PutRequest":{"Item":{"pk":{"S":"w%d-%d"},"tenant":{"S":"t%d"},"n":{"N":"%d"},"payload":{"S":"%s"}}}}',
      tid, n, n % 10, n, pad)
  end
  local body = '{"RequestItems":{"' .. tbl .. '":[' .. table.concat(items, ",") .. ']}}'
  local headers = {
    ["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000",
    ["x-amz-date"] = "20260101T000000Z",
    ["X-Amz-Target"] = "DynamoDB_20120810.BatchWriteItem",
    ["Content-Type"] = "application/x-amz-json-1.0",
  }
  return wrk.format("POST", "/", headers, body)
end
