# Idiom seen in: gt758215/DIGITS digits/tools/tensorflow/model.py (class Tower)
# What it reproduces: the base class user networks derive from; it only stores the tower inputs and
#   passes gradients through unchanged.


class Tower(object):
    def __init__(self, x, y, input_shape, nclasses, is_training, is_inference):
        self.x, self.y, self.input_shape, self.nclasses = x, y, input_shape, nclasses
        self.is_training, self.is_inference, self.summaries = is_training, is_inference, []

    def gradientUpdate(self, grad):
        return grad
