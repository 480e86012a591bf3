# Idiom seen in: mdeff/cnn_graph usage.ipynb
# Idiom seen in: mdeff/cnn_graph lib/models.py
# What it reproduces: the usage notebook as a script: common params dict with regularization=5e-4 passed
#   to the model constructor, then fit on MNIST features from a loader the workspace lacks.
import numpy as np

import models
from mnist_loader import load_mnist_flat

train_data, train_labels, val_data, val_labels = load_mnist_flat('data_mnist')

common = {}
common['num_epochs'] = 20
common['batch_size'] = 100
common['decay_steps'] = train_data.shape[0] / common['batch_size']
common['learning_rate'] = 0.02
common['decay_rate'] = 0.95
common['momentum'] = 0.9
common['regularization'] = 5e-4
common['dropout'] = 0.5

model = models.fc2(train_data.shape[1], 512, **common)
sess = model.fit(train_data.astype(np.float32), train_labels)
