package id.ktpscan.ocr.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;

/**
 * Passes one prepared tensor through a single-input, single-output ONNX graph; the det and rec
 * stages do their own preparation so that it can be tested without a model.
 */
final class TensorTranslator implements NoBatchifyTranslator<FloatTensor, FloatTensor> {

  @Override
  public NDList processInput(TranslatorContext ctx, FloatTensor input) {
    NDArray array =
        ctx.getNDManager().create(FloatBuffer.wrap(input.data()), new Shape(input.shape()));
    return new NDList(array);
  }

  @Override
  public FloatTensor processOutput(TranslatorContext ctx, NDList list) {
    NDArray output = list.get(0);
    return new FloatTensor(output.toFloatArray(), output.getShape().getShape());
  }
}
