# Idiom seen in: sangHa0411/kor-pegasus trainer.py
# Idiom seen in: sangHa0411/kor-pegasus train.py
# What it reproduces: TFPegasus wrapped in a Keras model and trained in a GradientTape loop with tensorflow_addons AdamW(weight_decay=1e-2);
# apply_gradients gets no decay_var_list, so every LayerNorm gamma/beta, bias and embedding is decayed too (WD203, as in the repo).
import os

import tensorflow as tf
import tensorflow_addons as tfa
from tqdm import tqdm

from models.scheduler import LinearWarmupSchedule


class Trainer:
    def __init__(self, args, model_create_fn, tokenizer, datasets, tpu_name):
        self.args = args
        self.model_create_fn = model_create_fn
        self.tokenizer = tokenizer
        self.datasets = datasets
        self.tpu_name = tpu_name

    def get_optimizer(self):
        total_steps = int(len(self.datasets) / self.args.batch_size) * self.args.epochs
        warmup_scheduler = LinearWarmupSchedule(total_steps, self.args.warmup_ratio, self.args.learning_rate)
        optimizer = tfa.optimizers.AdamW(learning_rate=warmup_scheduler, weight_decay=self.args.weight_decay)  # expect: WD203
        return optimizer

    def get_tf_datasets(self, datasets, batch_size):
        inputs = tf.data.Dataset.from_tensor_slices((
            datasets["input_ids"], datasets["attention_mask"],
            datasets["decoder_input_ids"], datasets["decoder_attention_mask"])).batch(batch_size)
        labels = tf.data.Dataset.from_tensor_slices(datasets["labels"]).batch(batch_size)
        return tf.data.Dataset.zip((inputs, labels))

    def train(self):
        resolver = tf.distribute.cluster_resolver.TPUClusterResolver(tpu=self.tpu_name)
        tf.config.experimental_connect_to_cluster(resolver)
        tf.tpu.experimental.initialize_tpu_system(resolver)
        strategy = tf.distribute.TPUStrategy(resolver)

        with strategy.scope():
            model = self.model_create_fn()
            optimizer = self.get_optimizer()
            training_loss = tf.keras.metrics.Mean("training_loss", dtype=tf.float32)

        per_replica_batch_size = self.args.batch_size // strategy.num_replicas_in_sync
        tf_datasets = strategy.distribute_datasets_from_function(
            lambda _: self.get_tf_datasets(self.datasets, batch_size=per_replica_batch_size))
        pad_id = self.tokenizer.pad_token_id

        @tf.function
        def train_step(iterator):
            def step_fn(data):
                inputs, labels = data
                with tf.GradientTape() as tape:
                    logits = model(inputs, training=True)
                    loss = tf.keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)
                    loss = tf.where(labels == pad_id, 0.0, loss)
                    loss = tf.reduce_mean(loss) / strategy.num_replicas_in_sync
                grads = tape.gradient(loss, model.trainable_variables)
                optimizer.apply_gradients(list(zip(grads, model.trainable_variables)))
                training_loss.update_state(loss * strategy.num_replicas_in_sync)

            strategy.run(step_fn, args=(next(iterator),))

        total_steps = int(len(self.datasets) / self.args.batch_size) * self.args.epochs
        train_iterator = iter(tf_datasets)
        for step in tqdm(range(total_steps)):
            train_step(train_iterator)
            cur_step = optimizer.iterations.numpy()
            if cur_step % self.args.logging_steps == 0:
                print("step {}: loss {:.4f}".format(cur_step, float(training_loss.result())))
            if cur_step % self.args.save_steps == 0:
                training_loss.reset_states()
                model.save(os.path.join(self.args.save_path, "checkpoints-{}.h5".format(cur_step)))
