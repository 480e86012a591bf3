# Idiom seen in: rtavenar/keras-dann example.ipynb
# What it reproduces: the notebook's two-moons domain shift: small dense sub-networks with kernel_regularizer=l2(...)
# handed to DANN, whose compiled models train them with train_on_batch (regularizers included): clean.
import numpy as np
from sklearn.datasets import make_moons
from tensorflow.keras.layers import Dense, Input
from tensorflow.keras.models import Sequential
from tensorflow.keras.regularizers import l2

from dann import DANN

X_source, y_source = make_moons(n_samples=1000, noise=0.1, random_state=0)
rotation = np.array([[np.cos(0.6), -np.sin(0.6)], [np.sin(0.6), np.cos(0.6)]])
X_target, _ = make_moons(n_samples=1000, noise=0.1, random_state=1)
X_target = X_target @ rotation

feature_extractor = Sequential([
    Input(shape=(2,)),
    Dense(32, activation='relu', kernel_regularizer=l2(1e-4)),
    Dense(32, activation='relu', kernel_regularizer=l2(1e-4)),
])
label_predictor = Sequential([
    Dense(16, activation='relu', kernel_regularizer=l2(1e-4)),
    Dense(1, activation='sigmoid'),
])
domain_classifier = Sequential([
    Dense(16, activation='relu', kernel_regularizer=l2(1e-4)),
    Dense(1, activation='sigmoid'),
])

model = DANN(feature_extractor, label_predictor, domain_classifier, loss_lambda=0.3)
model.fit((X_source, X_target), y_source, epochs=50, batch_size=32)

y_pred_target = model(X_target) > 0.5
print("target accuracy:", np.mean(y_pred_target[:, 0] == make_moons(n_samples=1000, noise=0.1, random_state=1)[1]))
