# Idiom seen in: Dawidsoni/relation-embeddings src/models/transe_model.py
# Idiom seen in: Dawidsoni/relation-embeddings src/optimization/model_trainers.py
# What it reproduces: TransE-style knowledge-graph model (subclassed tf.keras.Model) whose entity and relation
#   Embedding layers carry embeddings_regularizer=l2(...); the trainer in model_trainers.py adds the model's
#   regularization losses (via loss_objects.py) to the loss it differentiates. Clean.
import tensorflow as tf


class TranseModel(tf.keras.Model):

    def __init__(self, entities_count, relations_count, embeddings_dimension, regularization_strength):
        super(TranseModel, self).__init__()
        self.entity_embeddings = tf.keras.layers.Embedding(
            entities_count, embeddings_dimension,
            embeddings_initializer=tf.keras.initializers.GlorotUniform(),
            embeddings_regularizer=tf.keras.regularizers.l2(regularization_strength))
        self.relation_embeddings = tf.keras.layers.Embedding(
            relations_count, embeddings_dimension,
            embeddings_initializer=tf.keras.initializers.GlorotUniform(),
            embeddings_regularizer=tf.keras.regularizers.l2(regularization_strength))

    def call(self, inputs, training=None):
        heads = self.entity_embeddings(inputs[:, 0])
        relations = self.relation_embeddings(inputs[:, 1])
        tails = self.entity_embeddings(inputs[:, 2])
        return heads + relations - tails

    def get_trainable_variables_at_training_step(self, training_step):
        return self.trainable_variables
