# Idiom seen in: neuro-ml/deep_pipe projects/brats2017/models_tf/eenet.py
# Idiom seen in: neuro-ml/deep_pipe projects/brats2017/models_tf/model_controller.py
# Idiom seen in: neuro-ml/deep_pipe projects/brats2017/models_tf/modules/optimizer.py
# What it reproduces: a BraTS 3D segmentation net whose conv helper got kernel_regularizer=l2_regularizer(wd) (user
#   variant); the model loss is tf.losses.sparse_softmax_cross_entropy only and slim.learning.create_train_op
#   trains that tensor as given, so REGULARIZATION_LOSSES are never added: the decay is dead (WD102).
import numpy as np
import tensorflow as tf

from optimizer import Optimizer
from eenet import EEnet


class ModelController:
    def __init__(self, model, log_path):
        self.model = model
        self.graph = model.graph
        with self.graph.as_default():
            self.optimization = Optimizer(model.loss)
            tf.summary.scalar('loss', model.loss)
            self.summary_op = tf.summary.merge_all()
            self.log_writer = tf.summary.FileWriter(log_path, self.graph, flush_secs=30)
        self.session = tf.Session(graph=self.graph)
        self.session.run(tf.global_variables_initializer())

    def train(self, batch_iter, lr):
        losses = []
        for x, y in batch_iter:
            _, loss = self.session.run(
                [self.optimization.train_op, self.model.loss],
                {self.model.x_ph: x, self.model.y_ph: y,
                 self.model.is_training: True, self.optimization.lr: lr})
            losses.append(loss)
        return np.mean(losses)


if __name__ == '__main__':
    from dpipe.batch_iter import make_patch_iter  # data pipeline, not in this folder
    net = EEnet(blocks=[4, 30, 40, 40, 50], n_classes=5, kernel_size=3, weight_decay=1e-4)
    controller = ModelController(net, log_path='/tmp/eenet_logs')
    for epoch in range(100):
        print(epoch, controller.train(make_patch_iter('train'), lr=0.01 if epoch < 50 else 0.001))
