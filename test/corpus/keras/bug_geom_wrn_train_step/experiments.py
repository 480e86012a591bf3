# Idiom seen in: izikgo/AnomalyDetectionTransformations models/wide_residual_network.py
# Idiom seen in: izikgo/AnomalyDetectionTransformations experiments.py
# What it reproduces: the GEOM anomaly detector (WRN classifying which geometric transformation was applied) with
#   l2(WEIGHT_DECAY) on conv/dense kernels, dense bias and BN beta/gamma. The repo trains with compile/fit; the
#   realistic mistake here: the WRN is wrapped in a keras.Model whose train_step override (the keras.io
#   "customizing fit" recipe) computes self.compiled_loss(y, y_pred) without regularization_losses=self.losses.
import numpy as np
from sklearn.metrics import roc_auc_score
from tensorflow.keras.utils import to_categorical

from models.wide_residual_network import create_wide_residual_network
from transformations import Transformer
from utils import load_cifar10


def transformations_experiment(single_class_ind, batch_size=128):
    (x_train, y_train), (x_test, y_test) = load_cifar10()
    transformer = Transformer(8, 8)
    n, k = (10, 4)
    mdl = create_wide_residual_network(x_train.shape[1:], transformer.n_transforms, n, k)
    mdl.compile('adam', 'categorical_crossentropy', ['acc'])

    x_train_task = x_train[y_train.flatten() == single_class_ind]
    transformations_inds = np.tile(np.arange(transformer.n_transforms), len(x_train_task))
    x_train_task_transformed = transformer.transform_batch(
        np.repeat(x_train_task, transformer.n_transforms, axis=0), transformations_inds)
    mdl.fit(x=x_train_task_transformed, y=to_categorical(transformations_inds),
            batch_size=batch_size, epochs=int(np.ceil(200 / transformer.n_transforms)))

    scores = np.zeros((len(x_test),))
    for t in range(transformer.n_transforms):
        preds = mdl.predict(transformer.transform_batch(x_test, [t] * len(x_test)), batch_size=batch_size)
        scores += preds[:, t]
    labels = y_test.flatten() == single_class_ind
    return roc_auc_score(labels, scores)


if __name__ == '__main__':
    for c in range(10):
        print('class', c, 'AUROC', transformations_experiment(c))
