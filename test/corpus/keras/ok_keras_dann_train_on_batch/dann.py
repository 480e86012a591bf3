# Idiom seen in: rtavenar/keras-dann kerasDANN/model.py
# What it reproduces: a generic DANN wrapper that composes the three sub-networks into compiled Sequential models and
# alternates train_on_batch; compiled Keras training adds every sub-network's regularization losses: clean.
import numpy as np
from tensorflow.keras.models import Sequential


class DANN():
    def __init__(self, feature_extractor, label_predictor, domain_classifier, loss_lambda=1.):
        self.feature_extractor = feature_extractor
        self.label_predictor = label_predictor
        self.domain_classifier = domain_classifier
        self.loss_lambda = loss_lambda

        self.label_model_ = Sequential([feature_extractor, label_predictor])
        self.domain_model_d_ = Sequential([feature_extractor, domain_classifier])
        self.domain_model_f_ = Sequential([feature_extractor, domain_classifier])

        self.label_model_.compile(optimizer="Adam", loss='binary_crossentropy', metrics=['accuracy'])

        feature_extractor.trainable = False
        self.domain_model_d_.compile(optimizer="Adam", loss='binary_crossentropy',
                                     loss_weights=[self.loss_lambda], metrics=['accuracy'])

        feature_extractor.trainable = True
        domain_classifier.trainable = False
        self.domain_model_f_.compile(optimizer="Adam", loss='binary_crossentropy',
                                     loss_weights=[self.loss_lambda], metrics=['accuracy'])

    def __call__(self, *args, **kwargs):
        return self.label_model_(*args, **kwargs).numpy()

    def draw_batch(self, X_source, X_target, y_source, batch_size):
        source_indices = np.random.choice(X_source.shape[0], size=batch_size, replace=False)
        target_indices = np.random.choice(X_target.shape[0], size=batch_size, replace=False)
        X_mixed = np.concatenate([X_source[source_indices], X_target[target_indices]])
        y_domain = np.array([0] * batch_size + [1] * batch_size)
        return X_mixed, y_domain, y_source[source_indices]

    def fit(self, tup_X, y, epochs=1, batch_size=32):
        X_source, X_target = tup_X
        n_batches = X_source.shape[0] // batch_size
        for ep in range(1, epochs + 1):
            for b in range(n_batches):
                X_mixed, y_domain, y_label = self.draw_batch(X_source, X_target, y, batch_size)
                self.label_model_.train_on_batch(X_mixed[:batch_size], y_label,
                                                 sample_weight=2 * np.ones((batch_size,)))
                self.domain_model_f_.train_on_batch(X_mixed, 1 - y_domain)
                self.domain_model_d_.train_on_batch(X_mixed, y_domain)
