# Idiom seen in: nii-yamagishilab/self-attention-tacotron models/models.py
# Idiom seen in: nii-yamagishilab/self-attention-tacotron modules/regularizers.py
# What it reproduces: Tacotron trained through an Estimator model_fn; an L2 term over the trainable
#   variables minus a name blacklist is added to mel + stop-token loss, and that sum is what
#   Adam's compute_gradients / apply_gradients trains. Clean.
import tensorflow as tf
from tacotron2.tacotron.modules import Embedding
from tacotron2.tacotron.tacotron_v2 import PostNetV2
from modules.module import encoder_factory, decoder_factory
from regularizers import l2_regularization_loss

BLACKLIST = ["embedding", "bias", "batch_normalization", "output_projection_wrapper/kernel",
             "lstm_cell", "output_and_stop_token_wrapper/dense/"]


class TacotronModel(tf.estimator.Estimator):

    def __init__(self, params, model_dir=None, config=None, warm_start_from=None):
        def model_fn(features, labels, mode, params):
            is_training = mode == tf.estimator.ModeKeys.TRAIN

            embedding = Embedding(params.num_symbols, embedding_dim=params.embedding_dim)
            encoder = encoder_factory(params, is_training)
            decoder = decoder_factory(params)

            encoder_output = encoder(embedding(features.source), input_lengths=features.source_length)
            mel_output, stop_token, _ = decoder(encoder_output,
                                                is_training=is_training,
                                                memory_sequence_length=features.source_length,
                                                target=labels.mel if labels is not None else None)
            postnet = PostNetV2(out_units=params.num_mels, is_training=is_training)
            postnet_mel_output = postnet(mel_output)

            if mode == tf.estimator.ModeKeys.PREDICT:
                return tf.estimator.EstimatorSpec(mode, predictions={"mel": postnet_mel_output})

            mel_loss = self.spec_loss(mel_output, labels.mel, labels.spec_loss_mask)
            postnet_loss = self.spec_loss(postnet_mel_output, labels.mel, labels.spec_loss_mask)
            done_loss = tf.losses.sigmoid_cross_entropy(labels.done, tf.squeeze(stop_token, axis=-1),
                                                        weights=labels.binary_loss_mask)
            regularization_loss = l2_regularization_loss(
                tf.trainable_variables(), params.l2_regularization_weight,
                BLACKLIST) if params.use_l2_regularization else 0
            loss = mel_loss + postnet_loss + done_loss + regularization_loss

            global_step = tf.train.get_global_step()
            if is_training:
                optimizer = tf.train.AdamOptimizer(learning_rate=params.initial_learning_rate,
                                                   beta1=params.adam_beta1, beta2=params.adam_beta2)
                gradients, variables = zip(*optimizer.compute_gradients(loss))
                clipped, _ = tf.clip_by_global_norm(gradients, 1.0)
                tf.summary.scalar("regularization_loss", regularization_loss)
                with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
                    train_op = optimizer.apply_gradients(zip(clipped, variables), global_step=global_step)
                return tf.estimator.EstimatorSpec(mode, loss=loss, train_op=train_op)

            return tf.estimator.EstimatorSpec(mode, loss=loss)

        super(TacotronModel, self).__init__(model_fn=model_fn, model_dir=model_dir, config=config,
                                            params=params, warm_start_from=warm_start_from)

    @staticmethod
    def spec_loss(y_hat, y, mask):
        l1_loss = tf.abs(y_hat - y)
        return tf.losses.compute_weighted_loss(l1_loss, weights=tf.expand_dims(mask, axis=2))
