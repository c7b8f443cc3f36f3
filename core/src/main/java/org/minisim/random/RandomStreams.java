package org.minisim.random;

import java.io.Serializable;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.Philox4x64;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Addressed random streams of one recording (docs/physics.md#random-streams): every logical draw group gets its own
 * counter-based Philox4x64 generator keyed by (seed, purpose) with the group's indices in the high counter
 * words. Any cell or frame can therefore be drawn without drawing the ones before it, whatever task or
 * executor does it, and retries redraw identical numbers.
 *
 * <p>Key = (mix(seed), mix(purpose id)); counter = (0, 0, i, j): the first four Philox outputs of that address
 * seed the stream's own XoShiRo256++ generator, which then produces the draws (Philox addresses the stream;
 * XoShiRo256++ makes a long stream ~4× cheaper than running Philox itself — the sensor draws one normal per pixel
 * per frame). Distinct addresses give statistically independent streams.
 *
 * <p>Draw conventions used by the physics: {@code U[0,1)} = {@link UniformRandomProvider#nextDouble()} (one
 * 64-bit word, 53 bits used); a standard normal = one {@link #normal(UniformRandomProvider)} sample (the
 * ziggurat consumes one word in ~98.8 % of draws, more in the tails).
 */
public final class RandomStreams implements Serializable {
    private static final long serialVersionUID = 1L;

    private final long seed;

    /** @param seed the spec's master seed */
    public RandomStreams(long seed) {
        this.seed = seed;
    }

    /** @return the master seed */
    public long seed() {
        return seed;
    }

    /** @return the stream of a purpose that has no index */
    public UniformRandomProvider stream(Purpose purpose) {
        return stream(purpose, 0L, 0L);
    }

    /** @return the stream of a purpose with one index (cell, frame, component, population) */
    public UniformRandomProvider stream(Purpose purpose, long index) {
        return stream(purpose, index, 0L);
    }

    /** @return the stream of a purpose with two indices (e.g. vessel layer and root) */
    public UniformRandomProvider stream(Purpose purpose, long index, long subIndex) {
        Philox4x64 address = new Philox4x64(new long[] {mix(seed), mix(0x9E3779B97F4A7C15L * purpose.id()), 0L, 0L,
            index, subIndex});
        return new XoShiRo256PlusPlus(new long[] {address.nextLong(), address.nextLong(), address.nextLong(),
            address.nextLong()});
    }

    /**
     * @return a standard-normal sampler (McFarland's ziggurat) drawing from {@code rng}; each sample consumes
     *     one 64-bit word in the common case
     */
    public static ContinuousSampler normal(UniformRandomProvider rng) {
        return ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /** SplitMix64 finaliser: spreads a word's bits over the key. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
