# Idiom seen in: kujason/avod avod/core/avod_fc_layers/basic_fc_layers.py
# What it reproduces: fully connected head whose regularizer is switched on by a positive
#   l2_weight_decay and passed through slim.arg_scope; the term is never summed into the loss.
import tensorflow as tf

slim = tf.contrib.slim


def feature_fusion(fusion_method, inputs, input_weights):
    if fusion_method == 'mean':
        rois_sum = tf.reduce_sum(inputs, axis=0)
        return tf.divide(rois_sum, tf.reduce_sum(input_weights))
    elif fusion_method == 'concat':
        return tf.concat(inputs, axis=1)
    raise ValueError('Invalid fusion method', fusion_method)


def build(fc_layers_config, input_rois, input_weights, num_final_classes, is_training):
    num_layers = fc_layers_config['num_layers']
    layer_sizes = fc_layers_config['layer_sizes']
    l2_weight_decay = fc_layers_config['l2_weight_decay']
    keep_prob = fc_layers_config['keep_prob']

    if l2_weight_decay > 0:
        weights_regularizer = slim.l2_regularizer(l2_weight_decay)
    else:
        weights_regularizer = None

    fused_features = feature_fusion(fc_layers_config['fusion_method'],
                                    input_rois, input_weights)
    outputs = {}
    with slim.arg_scope(
            [slim.fully_connected],
            weights_regularizer=weights_regularizer):  # expect: WD102
        for output in ['cls', 'off', 'ang']:
            fc_drop = slim.flatten(fused_features, scope=output + '_flatten')
            for layer_idx in range(num_layers):
                fc_layer = slim.fully_connected(fc_drop, layer_sizes[layer_idx],
                                                scope=output + '_fc{}'.format(6 + layer_idx))
                fc_drop = slim.dropout(fc_layer, keep_prob=keep_prob,
                                       is_training=is_training,
                                       scope=output + '_fc{}_drop'.format(6 + layer_idx))
            out_size = {'cls': num_final_classes + 1, 'off': 10, 'ang': 2}[output]
            outputs[output] = slim.fully_connected(fc_drop, out_size,
                                                   activation_fn=None,
                                                   scope=output + '_out')
    return outputs
