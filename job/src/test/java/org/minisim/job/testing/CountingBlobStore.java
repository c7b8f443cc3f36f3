package org.minisim.job.testing;

import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.CreateBucketResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * A BlobStore delegate that counts the operations s3proxy's request handler asks of it, per bucket and per
 * {@link S3Request} kind. Each S3 request the handler serves maps to one such call (a failed request — missing key,
 * missing bucket — is counted too, since the call is counted before it runs).
 */
final class CountingBlobStore extends ForwardingBlobStore {

    private static final String NO_BUCKET = "";

    private final Map<String, Map<S3Request, AtomicLong>> counts = new ConcurrentHashMap<>();

    CountingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    long count(String bucket, S3Request kind) {
        Map<S3Request, AtomicLong> m = counts.get(bucket);
        AtomicLong c = m == null ? null : m.get(kind);
        return c == null ? 0 : c.get();
    }

    long count(S3Request kind) {
        long total = 0;
        for (String bucket : counts.keySet()) {
            total += count(bucket, kind);
        }
        return total;
    }

    Map<S3Request, Long> snapshot(String bucket) {
        Map<S3Request, Long> out = new EnumMap<>(S3Request.class);
        for (S3Request kind : S3Request.values()) {
            long n = bucket == null ? count(kind) : count(bucket, kind);
            if (n > 0) {
                out.put(kind, n);
            }
        }
        return out;
    }

    void reset() {
        counts.clear();
    }

    private void hit(String bucket, S3Request kind) {
        counts.computeIfAbsent(bucket == null ? NO_BUCKET : bucket, b -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, k -> new AtomicLong())
                .incrementAndGet();
    }

    @Override
    public ListBucketsResponse list() {
        hit(NO_BUCKET, S3Request.LIST_BUCKETS);
        return super.list();
    }

    @Override
    public ListObjectsV2Response list(ListObjectsV2Request request) {
        hit(request.bucket(), S3Request.LIST_OBJECTS);
        return super.list(request);
    }

    @Override
    public HeadBucketResponse headBucket(HeadBucketRequest request) {
        hit(request.bucket(), S3Request.HEAD_BUCKET);
        return super.headBucket(request);
    }

    @Override
    public CreateBucketResponse createContainer(CreateBucketRequest request) {
        hit(request.bucket(), S3Request.CREATE_BUCKET);
        return super.createContainer(request);
    }

    @Override
    public boolean blobExists(String container, String name) {
        hit(container, S3Request.HEAD_OBJECT);
        return super.blobExists(container, name);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream in) {
        hit(request.bucket(), S3Request.PUT_OBJECT);
        return super.putBlob(request, in);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        hit(request.destinationBucket(), S3Request.COPY_OBJECT);
        return super.copyBlob(request);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        hit(request.bucket(), S3Request.HEAD_OBJECT);
        return super.blobMetadata(request);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        hit(request.bucket(), S3Request.GET_OBJECT);
        return super.getBlob(request);
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        hit(request.bucket(), S3Request.DELETE_OBJECT);
        return super.removeBlob(request);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        hit(request.bucket(), S3Request.MULTIPART_START);
        return super.initiateMultipartUpload(request);
    }

    @Override
    public void abortMultipartUpload(MultipartUpload upload) {
        hit(upload.containerName(), S3Request.MULTIPART_ABORT);
        super.abortMultipartUpload(upload);
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
            CompleteMultipartUploadRequest request) {
        hit(upload.containerName(), S3Request.MULTIPART_COMPLETE);
        return super.completeMultipartUpload(upload, request);
    }

    @Override
    public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request, InputStream in) {
        hit(upload.containerName(), S3Request.MULTIPART_PART);
        return super.uploadMultipartPart(upload, request, in);
    }

    @Override
    public List<Part> listMultipartUpload(MultipartUpload upload) {
        hit(upload.containerName(), S3Request.MULTIPART_LIST);
        return super.listMultipartUpload(upload);
    }

    @Override
    public List<software.amazon.awssdk.services.s3.model.MultipartUpload> listMultipartUploads(String container) {
        hit(container, S3Request.MULTIPART_LIST);
        return super.listMultipartUploads(container);
    }
}
