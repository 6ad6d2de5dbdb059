package dev.mantis.sim.render;

/**
 * A reusable buffer for one camera image: colour, depth and segmentation, row-major with row 0 at
 * the top of the image (v = 0) and column 0 at the left (u = 0). {@link SceneRenderer#render}
 * overwrites it in place; allocate one per camera and keep it.
 */
public final class RgbdFrame {

    private final int width;
    private final int height;
    /** Colour, uint8 as bytes, H x W x 3 (R, G, B): index (v * width + u) * 3 + channel. */
    public final byte[] rgb;
    /**
     * Metric depth, float32 metres along the optical axis (the camera's z, not the ray length),
     * H x W: index v * width + u. Background (nothing within the camera's far distance) is
     * {@link Float#POSITIVE_INFINITY}.
     */
    public final float[] depth;
    /**
     * Segmentation ids, H x W: index v * width + u. 0 is background; {@link SceneRenderer#labels()}
     * names every other id.
     */
    public final int[] mask;

    public RgbdFrame(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.rgb = new byte[width * height * 3];
        this.depth = new float[width * height];
        this.mask = new int[width * height];
    }

    /** A frame sized for this camera. */
    public static RgbdFrame of(Camera camera) {
        return new RgbdFrame(camera.width(), camera.height());
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Red, green or blue (channel 0, 1, 2) of pixel (u, v), 0..255. */
    public int rgb(int u, int v, int channel) {
        return rgb[(v * width + u) * 3 + channel] & 0xff;
    }

    /** Depth of pixel (u, v), metres; +inf for background. */
    public float depth(int u, int v) {
        return depth[v * width + u];
    }

    /** Segmentation id of pixel (u, v). */
    public int id(int u, int v) {
        return mask[v * width + u];
    }
}
