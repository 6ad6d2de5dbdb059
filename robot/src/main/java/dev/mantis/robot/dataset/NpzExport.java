package dev.mantis.robot.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a dataset's numeric frames as a NumPy {@code .npz} archive (what Python training scripts
 * read where no Parquet reader is installed): one float32 array [frames, size] per numeric
 * feature, named as the feature; {@code episode_index}, {@code frame_index}, {@code index} and
 * {@code task_index} as int64 [frames]; {@code _info_json}, the dataset's info.json as UTF-8
 * bytes (uint8). Episodes in index order.
 */
public final class NpzExport {

    private static final List<String> INTEGER_COLUMNS = List.of("episode_index", "frame_index", "index", "task_index");

    private NpzExport() {
    }

    /** Writes the archive to {@code out} (replacing it atomically). */
    public static void write(DatasetReader dataset, Path out) throws IOException {
        List<DatasetFeature> features = dataset.numericFeatures();
        int frames = (int) dataset.episodes().stream().mapToLong(EpisodeRow::length).sum();
        double[][] columns = new double[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            columns[f] = new double[frames * features.get(f).size()];
        }
        int at = 0;
        for (int e = 0; e < dataset.episodes().size(); e++) {
            EpisodeFrames episode = dataset.episode(e);
            for (int f = 0; f < features.size(); f++) {
                double[] v = episode.all(features.get(f).name());
                System.arraycopy(v, 0, columns[f], at * features.get(f).size(), v.length);
            }
            at += episode.length();
        }
        byte[] info = Files.readAllBytes(dataset.root().resolve("meta/info.json"));
        AtomicFiles.write(out, stream -> {
            // finish, not close: the file stream stays open to be flushed to disk (the deflater's
            // native memory is freed by its cleaner)
            ZipOutputStream zip = new ZipOutputStream(stream);
            for (int f = 0; f < features.size(); f++) {
                DatasetFeature feature = features.get(f);
                if (INTEGER_COLUMNS.contains(feature.name())) {
                    entry(zip, feature.name(), "<i8", new int[] {frames}, columns[f], 8);
                } else {
                    entry(zip, feature.name(), "<f4", new int[] {frames, feature.size()}, columns[f], 4);
                }
            }
            double[] bytes = new double[info.length];
            for (int i = 0; i < info.length; i++) {
                bytes[i] = info[i] & 0xff;
            }
            entry(zip, "_info_json", "|u1", new int[] {info.length}, bytes, 1);
            zip.finish();
        });
    }

    private static void entry(ZipOutputStream zip, String name, String descr, int[] shape, double[] values,
            int width) throws IOException {
        zip.putNextEntry(new ZipEntry(name + ".npy"));
        writeNpy(zip, descr, shape, values, width);
        zip.closeEntry();
    }

    /** One .npy (format 1.0): magic, header dict padded to a multiple of 64 bytes, little-endian data. */
    static void writeNpy(OutputStream out, String descr, int[] shape, double[] values, int width) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)" : "(" + dims.substring(0, dims.length() - 2) + ")";
        String dict = String.format(Locale.ROOT, "{'descr': '%s', 'fortran_order': False, 'shape': %s, }", descr,
                shapeText);
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer head = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
        head.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0)
                .putShort((short) header.length());
        out.write(head.array());
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer data = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (width == 8) {
                data.putLong((long) v);
            } else if (width == 4) {
                data.putFloat((float) v);
            } else {
                data.put((byte) v);
            }
        }
        out.write(data.array());
    }
}
