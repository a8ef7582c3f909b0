"""The runbook's way, as a baseline: one process, one request at a time (boto3).
  s3  ENDPOINT SRC_BUCKET DST_BUCKET   list, then GET + PUT each object
  ddb ENDPOINT SRC_TABLE DST_TABLE     scan pages, batch_writer (BatchWriteItem of 25)
Prints the number of objects/items copied."""
import sys
import boto3

kind, endpoint, src, dst = sys.argv[1:5]
if kind == "s3":
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    n = 0
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=src):
        for obj in page.get("Contents", []):
            got = s3.get_object(Bucket=src, Key=obj["Key"])
            s3.put_object(Bucket=dst, Key=obj["Key"], Body=got["Body"].read(),
                          ContentType=got.get("ContentType", "binary/octet-stream"))
            n += 1
    print(n)
else:
    ddb = boto3.resource("dynamodb", endpoint_url=endpoint, region_name="us-east-1")
    source, target = ddb.Table(src), ddb.Table(dst)
    n, kwargs = 0, {}
    with target.batch_writer() as writer:
        while True:
            page = source.scan(**kwargs)
            for item in page["Items"]:
                writer.put_item(Item=item)
                n += 1
            if "LastEvaluatedKey" not in page:
                break
            kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    print(n)
