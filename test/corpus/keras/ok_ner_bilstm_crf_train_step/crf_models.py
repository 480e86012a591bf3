# Idiom seen in: luozhouyang/transformers-keras transformers_keras/token_classification/crf_models.py
# What it reproduces: a CRFModel that wraps a base tagger's functional graph with tfa.layers.CRF and overrides
#   train_step: the tape's loss is the CRF negative log-likelihood plus sum(self.losses). Clean: fit runs
#   this train_step and the base model's regularization terms are part of the differentiated loss.
import tensorflow as tf
import tensorflow_addons as tfa


def _unpack_data(data):
    if len(data) == 3:
        return data
    if len(data) == 2:
        return data[0], data[1], None
    return data[0], None, None


class CRFModel(tf.keras.Model):
    def __init__(self, model: tf.keras.Model, units: int, chain_initializer="orthogonal", **kwargs):
        crf = tfa.layers.CRF(units=units, chain_initializer=chain_initializer, use_boundary=True)
        decode_sequence, potentials, sequence_length, kernel = crf(inputs=model.outputs[0])
        decode_sequence = tf.keras.layers.Lambda(lambda x: x, name="decode_sequence")(decode_sequence)
        potentials = tf.keras.layers.Lambda(lambda x: x, name="potentials")(potentials)
        sequence_length = tf.keras.layers.Lambda(lambda x: x, name="sequence_length")(sequence_length)
        kernel = tf.keras.layers.Lambda(lambda x: x, name="kernel")(kernel)
        super().__init__(inputs=model.inputs, outputs=[decode_sequence, potentials, sequence_length, kernel],
                         **kwargs)

    def train_step(self, data):
        x, y, sample_weight = _unpack_data(data)
        with tf.GradientTape() as tape:
            decode_sequence, potentials, sequence_length, kernel = self(x, training=True)
            crf_loss = -tfa.text.crf_log_likelihood(potentials, y, sequence_length, kernel)[0]
            if sample_weight is not None:
                crf_loss = crf_loss * sample_weight
            crf_loss = tf.reduce_mean(crf_loss)
            loss = crf_loss + sum(self.losses)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, potentials)
        results = {m.name: m.result() for m in self.metrics}
        results.update({"loss": loss})
        return results

    def test_step(self, data):
        x, y, sample_weight = _unpack_data(data)
        decode_sequence, potentials, sequence_length, kernel = self(x, training=False)
        crf_loss = tf.reduce_mean(-tfa.text.crf_log_likelihood(potentials, y, sequence_length, kernel)[0])
        loss = crf_loss + sum(self.losses)
        self.compiled_metrics.update_state(y, potentials)
        results = {m.name: m.result() for m in self.metrics}
        results.update({"loss": loss})
        return results

    def predict_step(self, data):
        x, _, _ = _unpack_data(data)
        decode_sequence, _, _, _ = self(x, training=False)
        return decode_sequence
