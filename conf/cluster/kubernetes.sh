#!/usr/bin/env bash
# Example: a sweep on Kubernetes, output on S3. Needs a Spark 4.2 (Scala 2.13, Java 17+) container image, a
# namespace and a service account allowed to create pods. Executors fetch the thin jar from the driver (client mode).
# In client mode the driver runs here and must be reachable from the executor pods: run this from a pod in the
# cluster (spark.driver.host = the pod's IP / a headless service), or use cluster mode with the jar and sweep file
# on S3 (see conf/cluster/README.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

submit/minisim-submit \
    --master k8s://https://kubernetes.default.svc:443 \
    --deploy-mode client \
    --properties-file conf/cluster/spark-defaults.s3-aws.conf \
    --conf spark.kubernetes.namespace=minisim \
    --conf spark.kubernetes.authenticate.driver.serviceAccountName=spark \
    --conf spark.kubernetes.container.image=registry.example.internal/spark:4.2.0-scala2.13-java17 \
    --conf spark.executor.instances=8 \
    --conf spark.driver.host="$(hostname -i)" \
    --executor-memory 4g --executor-cores 2 \
    -- conf/sweeps/quickstart.json \
    --stores s3a://my-bucket/minisim/quickstart/stores \
    --table s3a://my-bucket/minisim/quickstart/cells
