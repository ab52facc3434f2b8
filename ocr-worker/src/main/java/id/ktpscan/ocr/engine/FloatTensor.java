package id.ktpscan.ocr.engine;

import java.util.Arrays;

/**
 * A dense float tensor in row-major order, the only thing the engine hands to and takes from DJL,
 * so that image preparation and post-processing stay plain Java.
 *
 * @param data the values, row-major
 * @param shape the dimensions; their product equals {@code data.length}
 */
public record FloatTensor(float[] data, long[] shape) {

  public FloatTensor {
    long size = 1;
    for (long dimension : shape) {
      size *= dimension;
    }
    if (size != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
    }
  }

  /** The size of dimension {@code axis}. */
  public int dim(int axis) {
    return Math.toIntExact(shape[axis]);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FloatTensor that
        && Arrays.equals(data, that.data)
        && Arrays.equals(shape, that.shape);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(data) + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "FloatTensor" + Arrays.toString(shape);
  }
}
