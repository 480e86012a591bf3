# Idiom seen in: TensorSpeech/TensorFlowASR tensorflow_asr/models/keras/conformer.py
# Idiom seen in: TensorSpeech/TensorFlowASR tensorflow_asr/models/conformer.py
# What it reproduces: the ASR model definition: a module-level L2 = l2(1e-6) put on the kernels and
# biases of the subsampling conv, the feed-forward modules and the CTC output layer.
import tensorflow as tf

L2 = tf.keras.regularizers.l2(1e-6)


class FFModule(tf.keras.layers.Layer):
    def __init__(self, input_dim, dropout=0.0, fc_factor=0.5, name="ff_module", **kwargs):
        super(FFModule, self).__init__(name=name, **kwargs)
        self.fc_factor = fc_factor
        self.ln = tf.keras.layers.LayerNormalization(name=f"{name}_ln")
        self.ffn1 = tf.keras.layers.Dense(4 * input_dim, name=f"{name}_dense_1",
                                          kernel_regularizer=L2,  # expect: WD103
                                          bias_regularizer=L2)  # expect: WD103
        self.ffn2 = tf.keras.layers.Dense(input_dim, name=f"{name}_dense_2",
                                          kernel_regularizer=L2,  # expect: WD103
                                          bias_regularizer=L2)  # expect: WD103
        self.do = tf.keras.layers.Dropout(dropout)

    def call(self, inputs, training=False):
        outputs = self.ln(inputs, training=training)
        outputs = tf.nn.swish(self.ffn1(outputs, training=training))
        outputs = self.do(self.ffn2(outputs, training=training), training=training)
        return inputs + self.fc_factor * outputs


class BaseConformerCtc(tf.keras.Model):
    def __init__(self, vocabulary_size, dmodel=144, num_blocks=4, dropout=0.1,
                 name="conformer_ctc", **kwargs):
        super(BaseConformerCtc, self).__init__(name=name, **kwargs)
        self.conv_subsampling = tf.keras.layers.Conv2D(
            filters=dmodel, kernel_size=3, strides=4, padding="same", name="subsampling",
            kernel_regularizer=L2,  # expect: WD103
            bias_regularizer=L2)  # expect: WD103
        self.time_reduction_factor = 4
        self.linear = tf.keras.layers.Dense(dmodel, name="linear",
                                            kernel_regularizer=L2,  # expect: WD103
                                            bias_regularizer=L2)  # expect: WD103
        self.blocks = [FFModule(dmodel, dropout=dropout, name=f"block_{i}") for i in range(num_blocks)]
        self.fc = tf.keras.layers.Dense(vocabulary_size, name="logits",
                                        kernel_regularizer=L2,  # expect: WD103
                                        bias_regularizer=L2)  # expect: WD103

    def _build(self, input_shape):
        features = tf.keras.Input(shape=input_shape, dtype=tf.float32)
        self(features, training=False)

    def call(self, inputs, training=False):
        outputs = self.conv_subsampling(inputs, training=training)
        batch, time = tf.shape(outputs)[0], tf.shape(outputs)[1]
        outputs = tf.reshape(outputs, [batch, time, outputs.shape[2] * outputs.shape[3]])
        outputs = self.linear(outputs, training=training)
        for block in self.blocks:
            outputs = block(outputs, training=training)
        return self.fc(outputs, training=training)
