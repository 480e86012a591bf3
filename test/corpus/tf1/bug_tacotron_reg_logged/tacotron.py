# Idiom seen in: Rayhane-mamah/Tacotron-2 tacotron/models/tacotron.py
# What it reproduces: Tacotron-2 add_loss() computing self.regularization = add_n(l2_loss of the non-bias,
#   non-RNN variables) * reg_weight. Realistic mistake (the real repo adds it to self.loss): the user
#   rebuilt self.loss from the mel/stop-token terms while debugging and left the regularization out; it
#   is still logged in train.py's add_stats, but compute_gradients(self.loss) never sees it.
import tensorflow as tf
from models.modules import EncoderConvolutions, EncoderRNN, Prenet, Postnet, FrameProjection
from utils.symbols import symbols


class Tacotron():
    def __init__(self, hparams):
        self._hparams = hparams

    def initialize(self, inputs, input_lengths, mel_targets, stop_token_targets, is_training=True):
        hp = self._hparams
        with tf.variable_scope('inference'):
            embedding_table = tf.get_variable('inputs_embedding', [len(symbols), hp.embedding_dim])
            embedded_inputs = tf.nn.embedding_lookup(embedding_table, inputs)
            encoder_outputs = EncoderRNN(is_training)(EncoderConvolutions(is_training, hparams=hp)(embedded_inputs),
                                                      input_lengths)
            prenet_outputs = Prenet(is_training)(encoder_outputs)
            frame_projection = FrameProjection(hp.num_mels * hp.outputs_per_step)
            self.decoder_output = frame_projection(prenet_outputs)
            self.stop_token_prediction = tf.layers.dense(prenet_outputs, 1, name='stop_token_projection')
            residual = Postnet(is_training, hparams=hp)(self.decoder_output)
            self.mel_outputs = self.decoder_output + tf.layers.dense(residual, hp.num_mels, name='postnet_projection')
        self.mel_targets = mel_targets
        self.stop_token_targets = stop_token_targets
        self.all_vars = tf.trainable_variables()

    def add_loss(self):
        hp = self._hparams
        with tf.variable_scope('loss'):
            self.before_loss = tf.losses.mean_squared_error(self.mel_targets, self.decoder_output)
            self.after_loss = tf.losses.mean_squared_error(self.mel_targets, self.mel_outputs)
            self.stop_token_loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(
                labels=self.stop_token_targets, logits=tf.squeeze(self.stop_token_prediction, -1)))
            if hp.tacotron_scale_regularization:
                reg_weight_scaler = 1. / (2 * hp.max_abs_value) if hp.symmetric_mels else 1. / hp.max_abs_value
                reg_weight = hp.tacotron_reg_weight * reg_weight_scaler
            else:
                reg_weight = hp.tacotron_reg_weight
            self.regularization = tf.add_n([tf.nn.l2_loss(v) for v in self.all_vars if not (  # expect: WD104
                'bias' in v.name or 'Bias' in v.name or '_projection' in v.name
                or 'inputs_embedding' in v.name or 'RNN' in v.name or 'LSTM' in v.name)]) * reg_weight
            self.loss = self.before_loss + self.after_loss + self.stop_token_loss

    def add_optimizer(self, global_step):
        hp = self._hparams
        with tf.variable_scope('optimizer'):
            self.learning_rate = tf.train.exponential_decay(hp.tacotron_initial_learning_rate, global_step,
                                                            50000, 0.5, staircase=False)
            optimizer = tf.train.AdamOptimizer(self.learning_rate, hp.tacotron_adam_beta1,
                                               hp.tacotron_adam_beta2, hp.tacotron_adam_epsilon)
            gradients, variables = zip(*optimizer.compute_gradients(self.loss))
            self.gradients = gradients
            if hp.tacotron_clip_gradients:
                gradients, _ = tf.clip_by_global_norm(gradients, 1.)
            with tf.control_dependencies(tf.get_collection(tf.GraphKeys.UPDATE_OPS)):
                self.optimize = optimizer.apply_gradients(zip(gradients, variables), global_step=global_step)
