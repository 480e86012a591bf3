# Idiom seen in: brightmart/text_classification a01_FastText/old_single_label/p5_fastTextB_model.py
# What it reproduces: a class-based TF1 fastText whose loss() computes
#   l2_losses = add_n(l2_loss(v) for non-bias v) * l2_lambda and then returns the NCE loss alone, as the repo's
#   old single-label model does: the decay term is computed and dropped.
import tensorflow as tf


class fastTextB:
    def __init__(self, label_size, learning_rate, batch_size, decay_steps, decay_rate, num_sampled,
                 sentence_len, vocab_size, embed_size, is_training):
        self.label_size = label_size
        self.batch_size = batch_size
        self.num_sampled = num_sampled
        self.sentence_len = sentence_len
        self.vocab_size = vocab_size
        self.embed_size = embed_size
        self.is_training = is_training
        self.learning_rate = learning_rate
        self.decay_steps, self.decay_rate = decay_steps, decay_rate

        self.sentence = tf.placeholder(tf.int32, [None, self.sentence_len], name="sentence")
        self.labels = tf.placeholder(tf.int32, [None], name="Labels")
        self.global_step = tf.Variable(0, trainable=False, name="Global_Step")
        self.epoch_step = tf.Variable(0, trainable=False, name="Epoch_Step")
        self.epoch_increment = tf.assign(self.epoch_step, tf.add(self.epoch_step, tf.constant(1)))

        self.instantiate_weights()
        self.logits = self.inference()
        if not is_training:
            return
        self.loss_val = self.loss()
        self.train_op = self.train()
        self.predictions = tf.argmax(self.logits, axis=1, name="predictions")
        correct = tf.equal(tf.cast(self.predictions, tf.int32), self.labels)
        self.accuracy = tf.reduce_mean(tf.cast(correct, tf.float32), name="Accuracy")

    def instantiate_weights(self):
        self.Embedding = tf.get_variable("Embedding", [self.vocab_size, self.embed_size])
        self.W = tf.get_variable("W", [self.embed_size, self.label_size])
        self.b = tf.get_variable("b", [self.label_size])

    def inference(self):
        sentence_embeddings = tf.nn.embedding_lookup(self.Embedding, self.sentence)
        self.sentence_embeddings = tf.reduce_mean(sentence_embeddings, axis=1)
        return tf.matmul(self.sentence_embeddings, self.W) + self.b

    def loss(self, l2_lambda=0.01):
        if self.is_training:
            labels = tf.expand_dims(tf.reshape(self.labels, [-1]), 1)
            loss = tf.reduce_mean(
                tf.nn.nce_loss(weights=tf.transpose(self.W), biases=self.b, labels=labels,
                               inputs=self.sentence_embeddings, num_sampled=self.num_sampled,
                               num_classes=self.label_size, partition_strategy="div"))
        else:
            labels_one_hot = tf.one_hot(self.labels, self.label_size)
            loss = tf.nn.sigmoid_cross_entropy_with_logits(labels=labels_one_hot, logits=self.logits)
            loss = tf.reduce_sum(loss, axis=1)
        l2_losses = tf.add_n([tf.nn.l2_loss(v) for v in tf.trainable_variables() if 'bias' not in v.name]) * l2_lambda  # expect: WD104
        return loss

    def train(self):
        learning_rate = tf.train.exponential_decay(self.learning_rate, self.global_step, self.decay_steps,
                                                   self.decay_rate, staircase=True)
        train_op = tf.contrib.layers.optimize_loss(self.loss_val, global_step=self.global_step,
                                                   learning_rate=learning_rate, optimizer="Adam")
        return train_op
