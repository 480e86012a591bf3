# Idiom seen in: google-research/bert run_classifier.py (create_model, model_fn_builder, main)
# What it reproduces: flags, a classifier head (output_weights / output_bias from tf.get_variable, no
#   regularizer) on the pooled output of modeling.BertModel (module not in this folder), a model_fn whose
#   TRAIN branch hands the mean cross entropy to optimization.create_optimizer, and tf.app.run().
import tensorflow as tf

import modeling
import optimization
from classifier_data import file_based_input_fn_builder  # TFRecord input, not in this folder

flags = tf.flags
FLAGS = flags.FLAGS
flags.DEFINE_string("bert_config_file", None, "The config json file of the pre-trained BERT model.")
flags.DEFINE_string("init_checkpoint", None, "Initial checkpoint (usually from a pre-trained BERT model).")
flags.DEFINE_string("train_file", None, "TFRecord file with the training examples.")
flags.DEFINE_string("output_dir", None, "The output directory where the model checkpoints will be written.")
flags.DEFINE_integer("max_seq_length", 128, "Maximum total input sequence length after tokenization.")
flags.DEFINE_integer("train_batch_size", 32, "Total batch size for training.")
flags.DEFINE_float("learning_rate", 5e-5, "The initial learning rate for Adam.")
flags.DEFINE_integer("num_train_steps", 10000, "Total number of training steps.")
flags.DEFINE_float("warmup_proportion", 0.1, "Proportion of training to perform linear learning rate warmup for.")


def create_model(bert_config, is_training, input_ids, input_mask, segment_ids, labels, num_labels):
    model = modeling.BertModel(config=bert_config, is_training=is_training, input_ids=input_ids,
                               input_mask=input_mask, token_type_ids=segment_ids)
    output_layer = model.get_pooled_output()
    hidden_size = output_layer.shape[-1].value
    output_weights = tf.get_variable("output_weights", [num_labels, hidden_size],
                                     initializer=tf.truncated_normal_initializer(stddev=0.02))
    output_bias = tf.get_variable("output_bias", [num_labels], initializer=tf.zeros_initializer())
    with tf.variable_scope("loss"):
        if is_training:
            output_layer = tf.nn.dropout(output_layer, keep_prob=0.9)
        logits = tf.nn.bias_add(tf.matmul(output_layer, output_weights, transpose_b=True), output_bias)
        log_probs = tf.nn.log_softmax(logits, axis=-1)
        one_hot_labels = tf.one_hot(labels, depth=num_labels, dtype=tf.float32)
        per_example_loss = -tf.reduce_sum(one_hot_labels * log_probs, axis=-1)
        return tf.reduce_mean(per_example_loss), logits


def model_fn_builder(bert_config, num_labels, init_checkpoint, learning_rate, num_train_steps, num_warmup_steps):
    def model_fn(features, labels, mode, params):
        is_training = (mode == tf.estimator.ModeKeys.TRAIN)
        total_loss, logits = create_model(bert_config, is_training, features["input_ids"], features["input_mask"],
                                          features["segment_ids"], features["label_ids"], num_labels)
        if init_checkpoint:
            assignment_map, _ = modeling.get_assignment_map_from_checkpoint(tf.trainable_variables(), init_checkpoint)
            tf.train.init_from_checkpoint(init_checkpoint, assignment_map)
        if mode == tf.estimator.ModeKeys.TRAIN:
            train_op = optimization.create_optimizer(total_loss, learning_rate, num_train_steps, num_warmup_steps)
            return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, train_op=train_op)
        predictions = tf.argmax(logits, axis=-1, output_type=tf.int32)
        return tf.estimator.EstimatorSpec(mode=mode, loss=total_loss, eval_metric_ops={
            "eval_accuracy": tf.metrics.accuracy(labels=features["label_ids"], predictions=predictions)})
    return model_fn


def main(_):
    bert_config = modeling.BertConfig.from_json_file(FLAGS.bert_config_file)
    model_fn = model_fn_builder(bert_config, num_labels=2, init_checkpoint=FLAGS.init_checkpoint,
                                learning_rate=FLAGS.learning_rate, num_train_steps=FLAGS.num_train_steps,
                                num_warmup_steps=int(FLAGS.num_train_steps * FLAGS.warmup_proportion))
    estimator = tf.estimator.Estimator(model_fn=model_fn, model_dir=FLAGS.output_dir,
                                       params={"batch_size": FLAGS.train_batch_size})
    train_input_fn = file_based_input_fn_builder(FLAGS.train_file, FLAGS.max_seq_length, is_training=True,
                                                 drop_remainder=True)
    estimator.train(input_fn=train_input_fn, max_steps=FLAGS.num_train_steps)


if __name__ == "__main__":
    flags.mark_flag_as_required("bert_config_file")
    flags.mark_flag_as_required("output_dir")
    tf.app.run()
