package org.minisim.job.testing;

/**
 * The kinds of S3 request {@link S3TestServer} counts, each with the HTTP method it arrives with.
 * A HEAD on a missing key counts like any other HEAD.
 */
public enum S3Request {
    /** PUT of a whole object (one-shot upload). */
    PUT_OBJECT("PUT"),
    /** GET of an object (whole or ranged). */
    GET_OBJECT("GET"),
    /** HEAD of an object (metadata / existence probe). */
    HEAD_OBJECT("HEAD"),
    /** GET of a bucket listing (ListObjectsV2). */
    LIST_OBJECTS("GET"),
    /** DELETE of one object (a bulk delete counts once per key). */
    DELETE_OBJECT("DELETE"),
    /** PUT with a copy source (used by renames). */
    COPY_OBJECT("PUT"),
    /** HEAD of a bucket. */
    HEAD_BUCKET("HEAD"),
    /** PUT of a bucket. */
    CREATE_BUCKET("PUT"),
    /** GET of the service (list of buckets). */
    LIST_BUCKETS("GET"),
    /** POST that starts a multipart upload. */
    MULTIPART_START("POST"),
    /** PUT of one part of a multipart upload. */
    MULTIPART_PART("PUT"),
    /** POST that completes a multipart upload. */
    MULTIPART_COMPLETE("POST"),
    /** DELETE that aborts a multipart upload. */
    MULTIPART_ABORT("DELETE"),
    /** GET listing multipart uploads or their parts. */
    MULTIPART_LIST("GET");

    private final String method;

    S3Request(String method) {
        this.method = method;
    }

    /** @return the HTTP method this request kind uses */
    public String method() {
        return method;
    }
}
