# Idiom seen in: ZiyaoGeng/RecLearn reclearn/models/matching/ncf.py
# What it reproduces: a subclassed NCF whose four Embedding tables carry embeddings_regularizer=l2(embed_reg) and
# whose pairwise BPR/hinge loss is attached with self.add_loss inside call(); train_ncf.py compiles with an
# optimizer only and calls fit, so Keras sums add_loss and the embedding penalties into the objective (clean).
import tensorflow as tf
from tensorflow.keras import Model
from tensorflow.keras.layers import Dense, Embedding, Layer, Dropout
from tensorflow.keras.regularizers import l2


def bpr_loss(pos_scores, neg_scores):
    return tf.reduce_mean(-tf.math.log(tf.nn.sigmoid(pos_scores - neg_scores)))


def hinge_loss(pos_scores, neg_scores, gamma=0.5):
    return tf.reduce_mean(tf.nn.relu(neg_scores - pos_scores + gamma))


class Tower(Layer):
    def __init__(self, hidden_units, activation="relu", dropout=0.0, **kwargs):
        super().__init__(**kwargs)
        self.dense_layers = [Dense(u, activation=activation) for u in hidden_units]
        self.dropout = Dropout(dropout)

    def call(self, x):
        for dense in self.dense_layers:
            x = dense(x)
        return self.dropout(x)


class NCF(Model):
    def __init__(self, fea_cols, hidden_units=(64, 32, 16, 8), activation="relu", dnn_dropout=0.0,
                 loss_name="bpr_loss", gamma=0.5, embed_reg=1e-6):
        super().__init__()
        dim = fea_cols["embed_dim"]

        def table(n, name):
            return Embedding(input_dim=n, output_dim=dim, embeddings_initializer="random_normal",
                             embeddings_regularizer=l2(embed_reg), name=name)

        self.mf_user = table(fea_cols["user_num"], "mf_user")
        self.mf_item = table(fea_cols["item_num"], "mf_item")
        self.mlp_user = table(fea_cols["user_num"], "mlp_user")
        self.mlp_item = table(fea_cols["item_num"], "mlp_item")
        self.tower = Tower(list(hidden_units), activation=activation, dropout=dnn_dropout)
        self.dense = Dense(1, activation=None)
        self.loss_name = loss_name
        self.gamma = gamma

    def call(self, inputs):
        mf_u = self.mf_user(inputs["user"])
        mlp_u = self.mlp_user(inputs["user"])
        mf_pos, mf_neg = self.mf_item(inputs["pos_item"]), self.mf_item(inputs["neg_item"])
        mlp_pos, mlp_neg = self.mlp_item(inputs["pos_item"]), self.mlp_item(inputs["neg_item"])

        mf_pos_vec = tf.nn.sigmoid(mf_u * mf_pos)
        mf_neg_vec = tf.nn.sigmoid(tf.expand_dims(mf_u, 1) * mf_neg)
        mlp_pos_vec = self.tower(tf.concat([mlp_u, mlp_pos], axis=-1))
        tiled_u = tf.tile(tf.expand_dims(mlp_u, 1), [1, mlp_neg.shape[1], 1])
        mlp_neg_vec = self.tower(tf.concat([tiled_u, mlp_neg], axis=-1))

        pos_vec = tf.concat([mf_pos_vec, mlp_pos_vec], axis=-1)
        neg_vec = tf.concat([mf_neg_vec, mlp_neg_vec], axis=-1)
        pos_scores = tf.tile(self.dense(pos_vec), [1, neg_vec.shape[1]])
        neg_scores = tf.squeeze(self.dense(neg_vec), axis=-1)

        if self.loss_name == "bpr_loss":
            losses = bpr_loss(pos_scores, neg_scores)
        else:
            losses = hinge_loss(pos_scores, neg_scores, self.gamma)
        self.add_loss(losses)
        return tf.concat([pos_scores, neg_scores], axis=-1)
