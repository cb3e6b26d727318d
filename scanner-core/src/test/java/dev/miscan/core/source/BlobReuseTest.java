package dev.miscan.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

class BlobReuseTest {
    private static final ObjectId A = ObjectId.fromString("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    private static final ObjectId B = ObjectId.fromString("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

    @Test
    void aVersionIsKeptUntilItsLastComparison_thenFreed() {
        BlobReuse reuse = new BlobReuse(100);
        reuse.want(A);
        reuse.want(A);
        byte[] content = new byte[10];
        reuse.offer(A, content);

        assertThat(reuse.take(A)).isSameAs(content);
        assertThat(reuse.bytes()).isEqualTo(10);
        assertThat(reuse.take(A)).isSameAs(content);
        assertThat(reuse.bytes()).isZero();
        assertThat(reuse.take(A)).isNull();
    }

    @Test
    void versionsNoOneComparesWith_orOverTheBudget_areNotKept() {
        BlobReuse reuse = new BlobReuse(16);
        reuse.offer(A, new byte[4]);
        reuse.want(B);
        reuse.offer(B, new byte[17]);

        assertThat(reuse.bytes()).isZero();
        assertThat(reuse.take(A)).isNull();
        assertThat(reuse.take(B)).isNull();
    }

    @Test
    void aComparisonBeforeTheFirstRead_readsFromTheRepository_andKeepsNothingAfter() {
        BlobReuse reuse = new BlobReuse(100);
        reuse.want(A);

        assertThat(reuse.take(A)).isNull();
        reuse.offer(A, new byte[8]);
        assertThat(reuse.bytes()).isZero();
    }
}
