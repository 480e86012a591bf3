# Idiom seen in: ZermZhang/DeepCTR-tf2 src/utils/runner.py
# Idiom seen in: ZermZhang/DeepCTR-tf2 src/models/subclassing/wide_deep.py
# What it reproduces: a config-driven Runner with a @tf.function GradientTape train_step over a
#   subclassed Wide & Deep model with no layer regularizers; the decay comes only from keras AdamW,
#   whose exclude_from_weight_decay keeps biases and embedding tables out of it: clean.
import tensorflow as tf


class Runner:
    def __init__(self, model, config):
        self.model = model
        self.train_config = config.train_config
        self.optimizer_params = self.train_config.get('optimizer_params',
                                                      {'learning_rate': 0.005, 'weight_decay': 0.01})
        self.optimizer = tf.keras.optimizers.AdamW(**self.optimizer_params)
        self.optimizer.exclude_from_weight_decay(var_names=['bias', 'embeddings', 'gamma', 'beta'])
        self.metrics = tf.keras.metrics.AUC(num_thresholds=256)
        self.run_config = config.run_config

    @tf.function
    def train_step(self, batch_features, batch_labels):
        with tf.GradientTape() as tape:
            batch_preds = self.model(batch_features, training=True)
            total_loss = tf.reduce_sum(
                tf.nn.sigmoid_cross_entropy_with_logits(batch_labels, batch_preds))
        trainable_variables = self.model.trainable_variables
        gradients = tape.gradient(total_loss, trainable_variables)
        self.optimizer.apply_gradients(grads_and_vars=zip(gradients, trainable_variables))
        return total_loss

    @tf.function
    def eval_step(self, batch_features, batch_labels):
        batch_preds = self.model(batch_features, training=False)
        self.metrics.update_state(batch_labels, tf.math.sigmoid(batch_preds))

    def progress(self, train_data, test_data):
        for epoch in range(self.run_config.get('epoches', 20)):
            for step, (features, labels) in enumerate(train_data):
                total_loss = self.train_step(features, labels)
                if step % self.run_config.get('loss_steps', 1000) == 0:
                    print(f'epoch {epoch} step {step} loss: [{total_loss}]')
            self.metrics.reset_states()
            for features, labels in test_data:
                self.eval_step(features, labels)
            print(f'epoch {epoch} auc: [{self.metrics.result()}]')
