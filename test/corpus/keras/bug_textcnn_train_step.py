# Idiom seen in: roomylee/cnn-relation-extraction text_cnn.py
# What it reproduces: the relation-extraction text CNN (word + two position embeddings, parallel conv /
#   max-pool, l2 on the output projection via l2_reg_lambda) ported to a Keras Model with a train_step
#   override run by fit; the override computes self.compiled_loss(y, y_pred) without
#   regularization_losses=self.losses, so the l2 terms are dropped (realistic user mistake).
import tensorflow as tf
from tensorflow.keras import layers, regularizers
import data_helpers

FLAGS = dict(seq_len=90, vocab=20000, emb=300, dist_vocab=200, dist_emb=50,
             filter_sizes=(2, 3, 4, 5), num_filters=128, num_classes=19, l2_reg_lambda=1e-5, dropout=0.5)


class RelationTextCNN(tf.keras.Model):
    def __init__(self, cfg):
        super().__init__()
        self.word_emb = layers.Embedding(cfg['vocab'], cfg['emb'])
        self.dist1_emb = layers.Embedding(cfg['dist_vocab'], cfg['dist_emb'])
        self.dist2_emb = layers.Embedding(cfg['dist_vocab'], cfg['dist_emb'])
        self.convs = [layers.Conv1D(cfg['num_filters'], k, activation='relu', kernel_regularizer=regularizers.l2(cfg['l2_reg_lambda'])) for k in cfg['filter_sizes']]  # expect: WD103
        self.pool = layers.GlobalMaxPooling1D()
        self.dropout = layers.Dropout(cfg['dropout'])
        self.out = layers.Dense(cfg['num_classes'], kernel_regularizer=regularizers.l2(cfg['l2_reg_lambda']))  # expect: WD103

    def call(self, inputs, training=False):
        text, dist1, dist2 = inputs
        x = tf.concat([self.word_emb(text), self.dist1_emb(dist1), self.dist2_emb(dist2)], axis=-1)
        pooled = tf.concat([self.pool(conv(x)) for conv in self.convs], axis=-1)
        return self.out(self.dropout(pooled, training=training))

    def train_step(self, data):
        x, y = data
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compiled_loss(y, y_pred)
        gradients = tape.gradient(loss, self.trainable_variables)
        self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
        self.compiled_metrics.update_state(y, y_pred)
        return {m.name: m.result() for m in self.metrics}


if __name__ == '__main__':
    (text, d1, d2), y = data_helpers.load_semeval('SemEval2010_task8_all_data/TRAIN_FILE.TXT', FLAGS['seq_len'])
    model = RelationTextCNN(FLAGS)
    model.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
                  loss=tf.keras.losses.CategoricalCrossentropy(from_logits=True), metrics=['accuracy'])
    model.fit((text, d1, d2), y, batch_size=20, epochs=100, validation_split=0.1)
