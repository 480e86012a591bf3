# Idiom seen in: PatrickHwang/Explicit-tf2-Recommendation 1.MatrixCF/ModelBase.py
# Idiom seen in: PatrickHwang/Explicit-tf2-Recommendation 1.MatrixCF/ModelZoo.py
# What it reproduces: an abstract ModelBase whose train_step runs a GradientTape loop on self.model
#   built by the subclass (MatrixCF: a shared Embedding with embeddings_regularizer="l2"); the loss is
#   only the cross entropy, self.model.losses never reaches tape.gradient (real repo bug).
import tensorflow as tf
from abc import ABC, abstractmethod


class EarlyStopper:
    def __init__(self, num_trials, is_higher_better=True):
        self.num_trials = num_trials
        self.trial_counter = 0
        self.is_higher_better = is_higher_better
        self.best_metric = 0 if is_higher_better else 1e6

    def is_continuable(self, metric):
        if (self.is_higher_better and metric > self.best_metric) or \
                (not self.is_higher_better and metric < self.best_metric):
            self.best_metric = metric
            self.trial_counter = 0
            return True
        elif self.trial_counter + 1 < self.num_trials:
            self.trial_counter += 1
            return True
        return False


class ModelBase(ABC):
    def __init__(self, feature_dims=9000, embedding_size=16, lr=0.01, label_name='ctr',
                 checkpoint_dir='model/checkpoint', data_dir='data/generated', epochs=30,
                 num_trials=3):
        self.feature_dims = feature_dims
        self.embedding_size = embedding_size
        self.lr = lr
        self.label_name = label_name
        self.checkpoint_dir = checkpoint_dir
        self.data_dir = data_dir
        self.epochs = epochs
        self.num_trials = num_trials
        self.init_model()
        self.init_loss()
        self.init_opt()
        self.init_metric()
        self.init_save_checkpoint()

    @abstractmethod
    def init_model(self):
        pass

    def init_loss(self):
        self.loss = tf.keras.losses.BinaryCrossentropy()

    def init_opt(self):
        self.opt = tf.keras.optimizers.Adam(learning_rate=self.lr)

    def init_metric(self):
        self.metric_auc = tf.keras.metrics.AUC(name="auc")
        self.metric_loss = tf.keras.metrics.Mean(name="loss")

    def init_save_checkpoint(self):
        checkpoint = tf.train.Checkpoint(optimizer=self.opt, model=self.model)
        self.manager = tf.train.CheckpointManager(checkpoint, directory=self.checkpoint_dir,
                                                  max_to_keep=3)

    @abstractmethod
    def init_dataset(self, type, file_dir=None, shuffle=True):
        pass

    def train_step(self, ds):
        def train_loop(inputs):
            with tf.GradientTape() as tape:
                target = inputs.pop(self.label_name)
                logits = self.model(inputs, training=True)
                scaled_loss = tf.reduce_sum(self.loss(target, logits["pred"]))
            gradients = tape.gradient(scaled_loss, self.model.trainable_variables)
            self.opt.apply_gradients(list(zip(gradients, self.model.trainable_variables)))
            self.metric_loss.update_state(scaled_loss)
            self.metric_auc.update_state(target, logits["pred"])

        self.metric_auc.reset_states()
        self.metric_loss.reset_states()
        step = 0
        for batch_data in ds:
            train_loop(batch_data)
            step += 1
            if step % 500 == 0:
                print(f"train over-{step} : loss {self.metric_loss.result().numpy()}")
        return {self.metric_auc.name: self.metric_auc.result().numpy()}

    def eval_step(self, ds):
        self.metric_auc.reset_states()
        for inputs in ds:
            target = inputs.pop(self.label_name)
            logits = self.model(inputs, training=False)
            self.metric_auc.update_state(target, logits["pred"])
        return {self.metric_auc.name: self.metric_auc.result().numpy()}

    def run(self, train_ds, test_ds):
        early_stopper = EarlyStopper(num_trials=self.num_trials)
        for epoch in range(self.epochs):
            print(f"=====epoch: {epoch}=====")
            self.train_step(train_ds)
            eval_result = self.eval_step(test_ds)
            if not early_stopper.is_continuable(eval_result[self.metric_auc.name]):
                break
            if eval_result[self.metric_auc.name] == early_stopper.best_metric:
                self.manager.save(checkpoint_number=epoch)
