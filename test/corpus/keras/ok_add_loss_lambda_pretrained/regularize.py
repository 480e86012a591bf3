# Idiom seen in: sbl1996/hanser hanser/train/__init__.py (l2_regularizer)
# What it reproduces: adding l2 to an already-built (pretrained) model without rebuilding it, through
#   layer.add_loss(zero-argument callable) on each conv/dense layer; the callables are re-evaluated
#   every time model.losses is read, so the penalty tracks the current kernels.
# label-note: clean. Default argument binding (k=layer.kernel) avoids the late-binding closure trap;
#   no kernel_regularizer attribute is assigned, so this is not WD106. Biases are not regularized.
from tensorflow.keras.layers import Conv2D, Dense, DepthwiseConv2D
from tensorflow.keras.regularizers import l2


def l2_regularizer(model, alpha):
    reg = l2(alpha)
    for layer in model.layers:
        if not layer.trainable:
            continue
        if isinstance(layer, DepthwiseConv2D):
            layer.add_loss(lambda k=layer.depthwise_kernel: reg(k))
        elif isinstance(layer, (Conv2D, Dense)):
            layer.add_loss(lambda k=layer.kernel: reg(k))
    return model
