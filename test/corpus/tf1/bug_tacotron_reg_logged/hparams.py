# Idiom seen in: Rayhane-mamah/Tacotron-2 hparams.py
# What it reproduces: the tf.contrib.training.HParams object holding the L2 weight (tacotron_reg_weight)
#   that tacotron.py multiplies the regularization sum by.
import tensorflow as tf

hparams = tf.contrib.training.HParams(
    num_mels=80,
    outputs_per_step=1,
    embedding_dim=512,
    enc_conv_num_layers=3,
    enc_conv_channels=512,
    decoder_lstm_units=1024,
    tacotron_batch_size=32,
    tacotron_reg_weight=1e-6,
    tacotron_scale_regularization=False,
    tacotron_initial_learning_rate=1e-3,
    tacotron_final_learning_rate=1e-5,
    tacotron_adam_beta1=0.9,
    tacotron_adam_beta2=0.999,
    tacotron_adam_epsilon=1e-6,
    tacotron_clip_gradients=True,
)
