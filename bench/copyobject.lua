-- wrk script: unsigned S3 CopyObject requests (moto does not check signatures, but routes by the
-- service named in the Authorization header). Each request copies one of the BENCH_OBJECTS source
-- objects to a new key in BENCH_LIMIT_BUCKET, so the bucket's final count checks the request count.
local objects = tonumber(os.getenv("BENCH_OBJECTS") or "5000")
local src = os.getenv("BENCH_SRC_BUCKET") or "bench-src"
local dst = os.getenv("BENCH_LIMIT_BUCKET") or "bench-limit"
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local n = 0
function request()
  n = n + 1
  local headers = {
    ["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000",
    ["x-amz-date"] = "20260101T000000Z",
    ["x-amz-copy-source"] = "/" .. src .. "/" .. string.format("obj/%07d", n % objects),
  }
  return wrk.format("PUT", "/" .. dst .. "/w" .. tid .. "-" .. n, headers, nil)
end
