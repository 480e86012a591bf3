# Idiom seen in: thusithaC/tfrs_two_tower src/models/recomender_model.py
# What it reproduces: tfrs.Model subclass that only defines compute_loss; the query/candidate towers get Dense
#   layers with kernel_regularizer=L2(config["regularization"]). tfrs.Model.train_step adds sum(self.losses),
#   and the model is trained with compile/fit (clean).
from typing import Dict, List, Optional, Text

import tensorflow as tf
import tensorflow_recommenders as tfrs

from config import get_params

DEFAULTS = get_params("simple")["defaults"]


class IdModel(tf.keras.Model):
    def __init__(self, vocabulary: tf.keras.layers.IntegerLookup, key: str, config: Dict = DEFAULTS):
        super().__init__()
        self.key = key
        self.id_model = tf.keras.Sequential([
            vocabulary,
            tf.keras.layers.Embedding(vocabulary.vocabulary_size(), config["embedding_size"]),
        ])

    def call(self, inputs):
        return self.id_model(inputs[self.key])


class RecommenderModel(tfrs.Model):
    def __init__(self, user_ids_vocabulary, item_ids_vocabulary, items_ds: tf.data.Dataset,
                 dense_layers: Optional[List] = None, config: Dict = DEFAULTS):
        super().__init__()
        user_model = tf.keras.Sequential([IdModel(user_ids_vocabulary, "user_id")])
        items_model = tf.keras.Sequential([IdModel(item_ids_vocabulary, "item_id")])

        if dense_layers is not None and len(dense_layers) > 0:
            for i, layer_neurons in enumerate(dense_layers):
                activation = None if i == len(dense_layers) - 1 else "relu"
                user_model.add(tf.keras.layers.Dense(
                    layer_neurons,
                    kernel_regularizer=tf.keras.regularizers.L2(config["regularization"]),
                    kernel_initializer=tf.keras.initializers.HeNormal(),
                    activation=activation))
                items_model.add(tf.keras.layers.Dense(
                    layer_neurons,
                    kernel_regularizer=tf.keras.regularizers.L2(config["regularization"]),
                    kernel_initializer=tf.keras.initializers.HeNormal(),
                    activation=activation))

        self.task = tfrs.tasks.Retrieval(
            metrics=tfrs.metrics.FactorizedTopK(
                candidates=items_ds.batch(config["batch_size"]).map(items_model),
                ks=config["top_k_accuracy_range"]))
        self.user_model = user_model
        self.items_model = items_model

    def compute_loss(self, features: Dict[Text, tf.Tensor], training=False) -> tf.Tensor:
        user_embeddings = self.user_model(features)
        items_embeddings = self.items_model(features)
        return self.task(user_embeddings, items_embeddings, compute_metrics=not training)
