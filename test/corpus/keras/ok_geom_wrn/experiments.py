# Idiom seen in: izikgo/AnomalyDetectionTransformations models/wide_residual_network.py
# Idiom seen in: izikgo/AnomalyDetectionTransformations experiments.py
# What it reproduces: the GEOM anomaly detector as the repo trains it: a standalone-Keras WRN with l2(WEIGHT_DECAY)
#   on conv/dense kernels, dense bias and BN beta/gamma, compiled with Adam and trained by fit(), which adds the
#   regularization losses itself. Clean.
import os
from multiprocessing import Manager, Process

import numpy as np
from keras.utils import to_categorical
from sklearn.metrics import roc_auc_score

from models.wide_residual_network import create_wide_residual_network
from transformations import Transformer
from utils import load_fashion_mnist, save_roc_pr_curve_data

RESULTS_DIR = 'results'


def _transformations_experiment(dataset_load_fn, dataset_name, single_class_ind, gpu_q):
    os.environ["CUDA_VISIBLE_DEVICES"] = gpu_q.get()
    (x_train, y_train), (x_test, y_test) = dataset_load_fn()
    transformer = Transformer(8, 8)
    n, k = (10, 4)
    mdl = create_wide_residual_network(x_train.shape[1:], transformer.n_transforms, n, k)
    mdl.compile('adam', 'categorical_crossentropy', ['acc'])

    x_train_task = x_train[y_train.flatten() == single_class_ind]
    transformations_inds = np.tile(np.arange(transformer.n_transforms), len(x_train_task))
    x_train_task_transformed = transformer.transform_batch(
        np.repeat(x_train_task, transformer.n_transforms, axis=0), transformations_inds)
    batch_size = 128
    mdl.fit(x=x_train_task_transformed, y=to_categorical(transformations_inds),
            batch_size=batch_size, epochs=int(np.ceil(200 / transformer.n_transforms)))

    scores = np.zeros((len(x_test),))
    for t in range(transformer.n_transforms):
        preds = mdl.predict(transformer.transform_batch(x_test, [t] * len(x_test)), batch_size=batch_size)
        scores += preds[:, t]
    labels = y_test.flatten() == single_class_ind
    res_file = os.path.join(RESULTS_DIR, dataset_name, 'transformations_class_%d.npz' % single_class_ind)
    save_roc_pr_curve_data(scores, labels, res_file)
    gpu_q.put(os.environ["CUDA_VISIBLE_DEVICES"])
    return roc_auc_score(labels, scores)


if __name__ == '__main__':
    man = Manager()
    q = man.Queue(2)
    for g in ['0', '1']:
        q.put(g)
    processes = [Process(target=_transformations_experiment, args=(load_fashion_mnist, 'fashion-mnist', c, q))
                 for c in range(10)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
