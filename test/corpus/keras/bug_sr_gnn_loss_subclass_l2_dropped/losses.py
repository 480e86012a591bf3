# Idiom seen in: Opium1715/SR-GNN-TF-2.X utils/loss.py (Loss_with_L2)
# What it reproduces: a tf.keras.losses.Loss subclass that holds the model and computes the SR-GNN L2 penalty
#   over its trainable variables inside call(). In this copy the penalty is built (matrices only, rank > 1) and
#   then left out of the returned value; the combined return was commented out while comparing runs.
# label-note: WD104 on the line that computes the penalty (l2_loss): it is never added to the returned loss,
#   to a collection or to model.losses. Adam in main.py has no weight_decay.
import tensorflow as tf


class Loss_with_L2(tf.keras.losses.Loss):
    def __init__(self, model, l2, reduction=tf.keras.losses.Reduction.AUTO, name=None):
        super().__init__(reduction=reduction, name=name)
        self.model = model
        self.l2 = l2

    def call(self, y_true, y_pred):
        scc_loss = tf.keras.losses.sparse_categorical_crossentropy(y_true, y_pred)
        variables_l2 = [tf.keras.regularizers.l2(l2=self.l2)(x)
                        for x in self.model.trainable_variables if len(x.shape) > 1]
        l2_loss = tf.add_n(variables_l2)  # expect: WD104
        # return scc_loss + l2_loss
        return scc_loss

    def get_config(self):
        config = super().get_config()
        config.update({'l2': self.l2})
        return config
